using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// The 汇总表's classification (民发〔2016〕42号 附件3, ADR-014): every child in exactly one column of each group, so the 勾稽
/// equations hold for any mix of children — checked over every combination of the inputs — and the precedence where facts
/// overlap or are missing, case by case.
/// </summary>
public class LeftBehindSummaryTests
{
    private static LeftBehindFacts Child(Sex sex = Sex.Male, int age = 8, SchoolStage? stage = SchoolStage.Primary, SchoolStatus status = SchoolStatus.InSchool, bool? boarding = false,
        HealthStatus health = HealthStatus.Healthy, bool disabled = false, ParentsSituation parents = ParentsSituation.BothAway, GuardianRelation? caregiver = GuardianRelation.Grandmother,
        GuardianshipType? type = GuardianshipType.Good) => new(sex, age, stage, status, boarding, health, disabled, parents, caregiver, type);

    [Fact]
    public void Classify_EveryCombination_OneColumnPerGroup_AndTheEquationsHold()
    {
        var row = new long[LeftBehindSummary.ColumnCount + 1];
        long children = 0;
        SchoolStage?[] stages = [null, .. Enum.GetValues<SchoolStage>()];
        GuardianRelation?[] caregivers = [null, .. Enum.GetValues<GuardianRelation>()];
        GuardianshipType?[] types = [null, .. Enum.GetValues<GuardianshipType>()];
        bool?[] boardings = [null, true, false];
        foreach (var sex in new[] { Sex.Male, Sex.Female, Sex.Unknown })
        foreach (var age in new[] { 0, 2, 3, 5, 6, 11, 12, 13, 14, 15 })
        foreach (var stage in stages)
        foreach (var status in Enum.GetValues<SchoolStatus>())
        foreach (var boarding in boardings)
        foreach (var health in Enum.GetValues<HealthStatus>())
        foreach (var disabled in new[] { false, true })
        foreach (var parents in Enum.GetValues<ParentsSituation>())
        foreach (var caregiver in caregivers)
        foreach (var type in types)
        {
            var c = LeftBehindSummary.Classify(new LeftBehindFacts(sex, age, stage, status, boarding, health, disabled, parents, caregiver, type));
            Assert.True(c.Age is 3 or 4 or 6 or 7 or 9 or 10 && c.Stage is >= 11 and <= 18 && c.Parents is 19 or 20 && c.Schooling is >= 21 and <= 25
                && c.Care is >= 26 and <= 29 && c.Health is >= 30 and <= 32, c.ToString());
            LeftBehindSummary.Add(row, c, 1);
            children++;
        }

        Assert.Equal(children, row[1]);
        Assert.Empty(LeftBehindSummary.BrokenEquations(row));
    }

    [Fact]
    public void BrokenEquations_NamesEachEquationABadRowBreaks()
    {
        var row = new long[LeftBehindSummary.ColumnCount + 1];
        LeftBehindSummary.Add(row, LeftBehindSummary.Classify(Child()), 1);
        Assert.Empty(LeftBehindSummary.BrokenEquations(row));
        row[13]++; // a 小学 child too many
        Assert.Equal(["1=11+…+18", "13+14=24+25"], LeftBehindSummary.BrokenEquations(row));
        row[13]--;
        row[3]++;
        Assert.Equal(["2=3+4"], LeftBehindSummary.BrokenEquations(row));
    }

    [Theory]
    [InlineData(0, Sex.Male, 3)]
    [InlineData(5, Sex.Female, 4)]
    [InlineData(6, Sex.Male, 6)]
    [InlineData(13, Sex.Female, 7)]
    [InlineData(14, Sex.Male, 9)]
    [InlineData(15, Sex.Female, 10)]
    public void Classify_AgeBands_OnTheAsOfDay(int age, Sex sex, int column) =>
        Assert.Equal(column, LeftBehindSummary.Classify(Child(sex: sex, age: age)).Age);

    [Fact]
    public void Classify_SexNotRecorded_CountsFemaleAndSaysSo()
    {
        var c = LeftBehindSummary.Classify(Child(sex: Sex.Unknown, age: 8));
        Assert.Equal(7, c.Age);
        Assert.True(c.Defaults.HasFlag(LeftBehindDefaults.Sex));
    }

    [Theory]
    [InlineData(SchoolStage.Kindergarten, 11, 21)]
    [InlineData(SchoolStage.NotEnrolled, 12, 21)]
    [InlineData(SchoolStage.SeniorHigh, 15, 22)]
    [InlineData(SchoolStage.Vocational, 16, 22)]
    [InlineData(SchoolStage.DroppedOut, 17, 23)]
    [InlineData(SchoolStage.NotInSchool, 18, 23)]
    public void Classify_RecordedStage_DecidesStageAndSchooling(SchoolStage stage, int stageColumn, int schooling)
    {
        var c = LeftBehindSummary.Classify(Child(stage: stage, boarding: true));
        Assert.Equal((stageColumn, schooling), (c.Stage, c.Schooling));
        Assert.False(c.Defaults.HasFlag(LeftBehindDefaults.Stage));
    }

    [Theory]
    [InlineData(SchoolStage.Primary, true, 13, 24, false)]
    [InlineData(SchoolStage.JuniorHigh, false, 14, 25, false)]
    [InlineData(SchoolStage.JuniorHigh, null, 14, 25, true)]
    public void Classify_CompulsorySchool_ByBoarding_NotRecordedIsNonBoarding(SchoolStage stage, bool? boarding, int stageColumn, int schooling, bool defaulted)
    {
        var c = LeftBehindSummary.Classify(Child(stage: stage, boarding: boarding));
        Assert.Equal((stageColumn, schooling), (c.Stage, c.Schooling));
        Assert.Equal(defaulted, c.Defaults.HasFlag(LeftBehindDefaults.Boarding));
    }

    [Theory]
    [InlineData(SchoolStatus.Kindergarten, 4, 11)]
    [InlineData(SchoolStatus.NotYetSchoolAge, 4, 12)]
    [InlineData(SchoolStatus.NotInSchool, 13, 17)]
    [InlineData(SchoolStatus.NotInSchool, 14, 18)]
    [InlineData(SchoolStatus.InSchool, 11, 13)]
    [InlineData(SchoolStatus.InSchool, 12, 14)]
    [InlineData(SchoolStatus.InSchool, 14, 14)]
    [InlineData(SchoolStatus.InSchool, 15, 15)]
    [InlineData(SchoolStatus.Unknown, 2, 12)]
    [InlineData(SchoolStatus.Unknown, 3, 11)]
    [InlineData(SchoolStatus.Unknown, 9, 13)]
    public void Classify_NoStage_EstimatedFromStatusAndAge_AndFlagged(SchoolStatus status, int age, int stageColumn)
    {
        var c = LeftBehindSummary.Classify(Child(stage: null, status: status, age: age));
        Assert.Equal(stageColumn, c.Stage);
        Assert.True(c.Defaults.HasFlag(LeftBehindDefaults.Stage));
    }

    [Theory]
    [InlineData(ParentsSituation.BothAway, 19, false)]
    [InlineData(ParentsSituation.OneAwayOtherIncapable, 20, false)]
    [InlineData(ParentsSituation.Unrecorded, 20, true)]
    public void Classify_Parents(ParentsSituation parents, int column, bool defaulted)
    {
        var c = LeftBehindSummary.Classify(Child(parents: parents));
        Assert.Equal(column, c.Parents);
        Assert.Equal(defaulted, c.Defaults.HasFlag(LeftBehindDefaults.Parents));
    }

    [Theory]
    [InlineData(GuardianRelation.Grandfather, ParentsSituation.BothAway, GuardianshipType.Good, 26)]
    [InlineData(GuardianRelation.MaternalGrandmother, ParentsSituation.BothAway, null, 26)]
    [InlineData(GuardianRelation.OtherRelative, ParentsSituation.BothAway, GuardianshipType.Fair, 27)]
    [InlineData(GuardianRelation.Sibling, ParentsSituation.BothAway, null, 27)]
    [InlineData(GuardianRelation.Other, ParentsSituation.BothAway, null, 27)]
    [InlineData(GuardianRelation.Mother, ParentsSituation.OneAwayOtherIncapable, null, 28)]
    [InlineData(null, ParentsSituation.OneAwayOtherIncapable, null, 28)]
    [InlineData(null, ParentsSituation.BothAway, GuardianshipType.ParentIncapable, 28)]
    [InlineData(null, ParentsSituation.BothAway, GuardianshipType.Good, 29)]
    [InlineData(null, ParentsSituation.Unrecorded, null, 29)]
    [InlineData(GuardianRelation.Grandmother, ParentsSituation.BothAway, GuardianshipType.Unattended, 29)] // 无人监护 as assessed wins over a caregiver on paper
    public void Classify_Care_Precedence(GuardianRelation? caregiver, ParentsSituation parents, GuardianshipType? type, int column) =>
        Assert.Equal(column, LeftBehindSummary.Classify(Child(caregiver: caregiver, parents: parents, type: type)).Care);

    [Theory]
    [InlineData(HealthStatus.Healthy, false, 30, false)]
    [InlineData(HealthStatus.Unknown, false, 30, true)]
    [InlineData(HealthStatus.ChronicIllness, false, 32, false)]
    [InlineData(HealthStatus.SeriousIllness, false, 32, false)]
    [InlineData(HealthStatus.SeriousIllness, true, 31, false)] // 残疾 before 患病
    [InlineData(HealthStatus.Unknown, true, 31, false)]
    public void Classify_Health_DisabilityFirst(HealthStatus health, bool disabled, int column, bool defaulted)
    {
        var c = LeftBehindSummary.Classify(Child(health: health, disabled: disabled));
        Assert.Equal(column, c.Health);
        Assert.Equal(defaulted, c.Defaults.HasFlag(LeftBehindDefaults.Health));
    }

    [Fact]
    public void Headings_Are32_AndTheGroupsCoverThemOnce()
    {
        Assert.Equal(LeftBehindSummary.ColumnCount, LeftBehindSummary.Headings.Count);
        Assert.Equal(Enumerable.Range(1, 32), LeftBehindSummary.Groups.SelectMany(g => Enumerable.Range(g.First, g.Last - g.First + 1)));
    }
}
