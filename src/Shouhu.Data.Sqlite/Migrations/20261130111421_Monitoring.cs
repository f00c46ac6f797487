using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentInstruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MetPersons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GuardianPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Safety = table.Column<int>(type: "INTEGER", nullable: false),
                    Health = table.Column<int>(type: "INTEGER", nullable: false),
                    Schooling = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyCare = table.Column<int>(type: "INTEGER", nullable: false),
                    SituationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VisitedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    EmergencyOverride = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
