using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CityInstrumentsScopedOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentInstruments_Version",
                table: "AssessmentInstruments");

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "OutboxMessages",
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PendingRegionRequestedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityCode",
                table: "AssessmentInstruments",
                type: "TEXT",
                unicode: false,
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RegionCode",
                table: "OutboxMessages",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentInstruments_CityCode_Version",
                table: "AssessmentInstruments",
                columns: new[] { "CityCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_RegionCode",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentInstruments_CityCode_Version",
                table: "AssessmentInstruments");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PendingRegionRequestedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CityCode",
                table: "AssessmentInstruments");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentInstruments_Version",
                table: "AssessmentInstruments",
                column: "Version",
                unique: true);
        }
    }
}
