using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VisitSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitSchedules",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false, collation: "C"),
                    LastVisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitSchedules", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_VisitSchedules_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitSchedules_NextDueOn",
                table: "VisitSchedules",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_VisitSchedules_RegionCode",
                table: "VisitSchedules",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitSchedules");
        }
    }
}
