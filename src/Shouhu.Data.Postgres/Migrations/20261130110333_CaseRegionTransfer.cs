using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseRegionTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingRegionCode",
                table: "Cases",
                type: "character varying(12)",
                unicode: false,
                maxLength: 12,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PendingRegionNote",
                table: "Cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PendingRegionRequestedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingRegionRequestedByName",
                table: "Cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PendingRegionCode",
                table: "Cases",
                column: "PendingRegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PendingRegionCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PendingRegionCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PendingRegionNote",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PendingRegionRequestedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PendingRegionRequestedByName",
                table: "Cases");
        }
    }
}
