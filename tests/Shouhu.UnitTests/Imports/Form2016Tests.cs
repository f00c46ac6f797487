using Shouhu.Domain.Children;
using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>A sheet laid out like the 2016 national form imports without editing (issue #12 item 2).</summary>
public class Form2016Tests
{
    private static readonly DateOnly AsOf = new(2016, 7, 31);

    [Fact]
    public void Form2016_EveryColumnIsMapped_NoneUnknown()
    {
        using var reading = SurveyReading.Open(Form2016.Build(AsOf), null, out var refusal)!;
        Assert.Null(refusal);
        var map = reading.Children;
        Assert.Equal((3, 4), (map.HeaderFirstRow, map.HeaderLastRow));
        Assert.Empty(map.Unmatched);
        Assert.Equal(Form2016.Columns.Length, map.Columns.Count);
        Assert.Equal(
        [
            SurveyField.SerialNumber, SurveyField.Name, SurveyField.Sex, SurveyField.Ethnicity, SurveyField.BirthDate, SurveyField.CitizenIdNumber,
            SurveyField.HouseholdRegistered, SurveyField.HouseholdRegion, SurveyField.Residence, SurveyField.Health, SurveyField.Disability,
            SurveyField.IllnessType, SurveyField.Boarding, SurveyField.SchoolStage,
            SurveyField.GrandfatherName, SurveyField.GrandfatherBirthDate, SurveyField.GrandmotherName, SurveyField.GrandmotherBirthDate,
            SurveyField.MaternalGrandfatherName, SurveyField.MaternalGrandfatherBirthDate, SurveyField.MaternalGrandmotherName, SurveyField.MaternalGrandmotherBirthDate,
            SurveyField.FatherName, SurveyField.FatherBirthDate, SurveyField.FatherWorkPlace, SurveyField.FatherPhone, SurveyField.FatherIdNumber,
            SurveyField.MotherName, SurveyField.MotherBirthDate, SurveyField.MotherWorkPlace, SurveyField.MotherPhone, SurveyField.MotherIdNumber,
            SurveyField.BothParentsAway, SurveyField.OneAwayOtherIncapable, SurveyField.IncapableParent, SurveyField.HasEntrustedCaregiver,
            SurveyField.CaregiverName, SurveyField.CaregiverPhone, SurveyField.CaregiverIdNumber, SurveyField.CaregiverRelation, SurveyField.CaregiverAddress,
            SurveyField.GuardianshipType, SurveyField.IncomeSources, SurveyField.Assistance,
        ], map.Columns.Select(c => c.Field));
    }

    [Fact]
    public void Form2016_Rows_ValidateCleanIntoTheRegistersInput()
    {
        using var reading = SurveyReading.Open(Form2016.Build(AsOf), null, out _)!;
        var rows = reading.Rows(new SurveyOptions(AsOf, new VillageDirectory(SurveyGenerator.Regions(), SurveyGenerator.County))).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Problems));
        var first = rows[0];
        Assert.Equal(5, first.Row);
        Assert.Equal("male", first.Input.Sex);
        Assert.Equal("01", first.Input.EthnicityCode);
        Assert.Equal(SurveyGenerator.County + "100201", first.Child!.RegionCode);
        Assert.Equal(6, first.AgeOnAsOf);
        Assert.True(first.UnderSixteen);
        Assert.Equal(
            [GuardianRelation.Grandfather, GuardianRelation.MaternalGrandfather, GuardianRelation.MaternalGrandmother, GuardianRelation.Father, GuardianRelation.Mother],
            first.Child.Guardians.Select(g => g.Relation));
        Assert.All(first.Child.Guardians.Where(g => g.Relation is GuardianRelation.Father or GuardianRelation.Mother), g => Assert.True(g.IsWorkingAway));
        Assert.Equal("广东省深圳市", first.Child.Guardians.Single(g => g.Relation == GuardianRelation.Father).WorkPlace);
        Assert.Equal("王老大", first.Child.EntrustedCare!.CaregiverName);
        Assert.Equal(GuardianRelation.Grandfather, first.Child.EntrustedCare.Relation);
        // The 2016 form's own answers are the register's fields now (ADR-012): stored at commit, not left in the extras.
        Assert.Equal(SchoolStage.Primary, first.Child.SchoolStage);
        Assert.Equal(SchoolStatus.InSchool, first.Child.SchoolStatus);
        Assert.Equal(GuardianshipType.Fair, first.Child.GuardianshipType);
        Assert.Equal(IncomeSource.Wages | IncomeSource.Farming, first.Child.IncomeSources);
        Assert.Equal(true, first.Extras.BothParentsAway);
        Assert.Equal(new DateOnly(1952, 3, 4), first.Child.Guardians[1].BirthDate);
        Assert.Equal(new DateOnly(1985, 5, 5), first.Child.Guardians[3].BirthDate);
        Assert.Equal("甲镇甲1村3组", first.Child.EntrustedCare.Address);
    }
}
