using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditChildren",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChildren", x => new { x.Sequence, x.ChildId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditChildren_ChildId_Sequence",
                table: "AuditChildren",
                columns: new[] { "ChildId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChildren");
        }
    }
}
