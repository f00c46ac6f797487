using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentInstruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentInstruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false, collation: "C"),
                    VisitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MetPersons = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GuardianPresent = table.Column<bool>(type: "boolean", nullable: false),
                    Safety = table.Column<int>(type: "integer", nullable: false),
                    Health = table.Column<int>(type: "integer", nullable: false),
                    Schooling = table.Column<int>(type: "integer", nullable: false),
                    DailyCare = table.Column<int>(type: "integer", nullable: false),
                    SituationNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeVisits_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false, collation: "C"),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    EmergencyOverride = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssessedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentInstruments_Version",
                table: "AssessmentInstruments",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_ChildId_VisitedAt",
                table: "HomeVisits",
                columns: new[] { "ChildId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_RegionCode",
                table: "HomeVisits",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ChildId_AssessedAt",
                table: "RiskAssessments",
                columns: new[] { "ChildId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_RegionCode",
                table: "RiskAssessments",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentInstruments");

            migrationBuilder.DropTable(
                name: "HomeVisits");

            migrationBuilder.DropTable(
                name: "RiskAssessments");
        }
    }
}
