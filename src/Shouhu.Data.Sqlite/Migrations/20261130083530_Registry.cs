using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shouhu.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_Name",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_RegionCode",
                table: "Children");

            migrationBuilder.AddColumn<string>(
                name: "Employment",
                table: "Guardians",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HealthStatus",
                table: "Guardians",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsGuardian",
                table: "Guardians",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsWorkingAway",
                table: "Guardians",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Guardians",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkPlace",
                table: "Guardians",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CareCapacityNote",
                table: "Children",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Children",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabilityCertificateNumber",
                table: "Children",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DisabilityGrade",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DisabilityType",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "Children",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HealthStatus",
                table: "Children",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HouseholdKind",
                table: "Children",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HouseholdRegionCode",
                table: "Children",
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Housing",
                table: "Children",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IncomeBand",
                table: "Children",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NotInSchoolReason",
                table: "Children",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SchoolName",
                table: "Children",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SchoolStatus",
                table: "Children",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Children",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "ChildCategories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CountyConfirmedAt",
                table: "ChildCategories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountyConfirmedBy",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "ChildCategories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TownshipVerifiedAt",
                table: "ChildCategories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TownshipVerifiedBy",
                table: "ChildCategories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChildRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildRevisions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntrustedCares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaregiverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Relation = table.Column<int>(type: "INTEGER", nullable: false),
                    CitizenIdNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    AgreementDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntrustedCares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntrustedCares_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Children_Name_BirthDate",
                table: "Children",
                columns: new[] { "Name", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Children_RegionCode_Name_Id",
                table: "Children",
                columns: new[] { "RegionCode", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildCategories_Category_RegionCode_ChildId_Status_ValidFrom_ValidTo",
                table: "ChildCategories",
                columns: new[] { "Category", "RegionCode", "ChildId", "Status", "ValidFrom", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRevisions_ChildId_ChangedAt",
                table: "ChildRevisions",
                columns: new[] { "ChildId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRevisions_RegionCode",
                table: "ChildRevisions",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EntrustedCares_ChildId",
                table: "EntrustedCares",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntrustedCares_RegionCode",
                table: "EntrustedCares",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildRevisions");

            migrationBuilder.DropTable(
                name: "EntrustedCares");

            migrationBuilder.DropIndex(
                name: "IX_Children_Name_BirthDate",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_RegionCode_Name_Id",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_ChildCategories_Category_RegionCode_ChildId_Status_ValidFrom_ValidTo",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "Employment",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "HealthStatus",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "IsGuardian",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "IsWorkingAway",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "WorkPlace",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "CareCapacityNote",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "DisabilityCertificateNumber",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "DisabilityGrade",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "DisabilityType",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "HealthStatus",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "HouseholdKind",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "HouseholdRegionCode",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Housing",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "IncomeBand",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "NotInSchoolReason",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "SchoolName",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "SchoolStatus",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Basis",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "CountyConfirmedAt",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "CountyConfirmedBy",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "TownshipVerifiedAt",
                table: "ChildCategories");

            migrationBuilder.DropColumn(
                name: "TownshipVerifiedBy",
                table: "ChildCategories");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Name",
                table: "Children",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Children_RegionCode",
                table: "Children",
                column: "RegionCode");
        }
    }
}
