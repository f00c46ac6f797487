using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertsOneOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "UX_Alerts_Open_Rule_Subject",
                table: "Alerts",
                columns: new[] { "Rule", "SubjectKey" },
                unique: true,
                filter: "\"IsOpen\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Alerts_Open_Rule_Subject",
                table: "Alerts");
        }
    }
}
