using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Prevention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PreventionActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false, collation: "C"),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organizer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreventionActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreventionActivities_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreventionAttendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreventionAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreventionAttendances_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PreventionAttendances_PreventionActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "PreventionActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreventionActivities_RegionCode_HeldOn",
                table: "PreventionActivities",
                columns: new[] { "RegionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PreventionAttendances_ActivityId_ChildId",
                table: "PreventionAttendances",
                columns: new[] { "ActivityId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreventionAttendances_ChildId",
                table: "PreventionAttendances",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PreventionAttendances_RegionCode",
                table: "PreventionAttendances",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreventionAttendances");

            migrationBuilder.DropTable(
                name: "PreventionActivities");
        }
    }
}
