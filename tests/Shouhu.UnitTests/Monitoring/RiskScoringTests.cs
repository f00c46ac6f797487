using Shouhu.Domain.Casework;
using Shouhu.Domain.Monitoring;
using Xunit;

namespace Shouhu.UnitTests.Monitoring;

public sealed class RiskScoringTests
{
    private static readonly InstrumentDefinition Default = DefaultInstrument.Definition;

    private static Dictionary<string, string> AllAt(int weight) =>
        Default.Questions.ToDictionary(q => q.Code, q => q.Options.First(o => o.Weight == weight).Code);

    [Fact]
    public void TheDefaultInstrument_IsUsable_AndCoversTheFourDimensionsOfDomain5()
    {
        Assert.True(Default.Check().IsEmpty);
        Assert.Equal(["child", "guardian", "environment", "support"], Default.Dimensions.Select(d => d.Code));
        Assert.Equal(15, Default.Questions.Count());
        Assert.Equal(45, Default.Questions.Sum(q => q.Options.Max(o => o.Weight)));
        var back = InstrumentDefinition.FromJson(Default.ToJson());
        Assert.Equal(Default.Thresholds, back.Thresholds);
        Assert.Equal(Default.Questions.Select(q => (q.Code, q.Text, string.Join(",", q.Options))), back.Questions.Select(q => (q.Code, q.Text, string.Join(",", q.Options))));
    }

    [Theory]
    [InlineData(0, 0, RiskLevel.Low)]
    [InlineData(1, 15, RiskLevel.Medium)]
    [InlineData(2, 30, RiskLevel.High)]
    [InlineData(3, 45, RiskLevel.High)]
    public void Score_IsTheSumOfWeights_GradedByTheThresholds(int weight, int score, RiskLevel level)
    {
        var result = RiskScoring.Score(Default, AllAt(weight), emergencyOverride: false);
        Assert.True(result.Errors.IsEmpty);
        Assert.Equal(score, result.Score);
        Assert.Equal(level, result.Level);
    }

    [Fact]
    public void Thresholds_AreInclusive()
    {
        var answers = AllAt(0);
        // 10 points exactly: five questions at 2.
        foreach (var q in Default.Questions.Take(5))
        {
            answers[q.Code] = q.Options.First(o => o.Weight == 2).Code;
        }

        Assert.Equal((10, RiskLevel.Medium), (RiskScoring.Score(Default, answers, false).Score, RiskScoring.Score(Default, answers, false).Level));
    }

    [Fact]
    public void AMissingAnswer_IsNamedByItsQuestion_AndAnUnknownOptionOrQuestionToo()
    {
        var answers = AllAt(0);
        answers.Remove("guardian.habits");
        answers["child.age"] = "ancient";
        answers["no.such"] = "x";
        var result = RiskScoring.Score(Default, answers, false);
        Assert.Equal(["请回答：不良嗜好（酗酒、吸毒、赌博）"], result.Errors.For("answers.guardian.habits"));
        Assert.Single(result.Errors.For("answers.child.age"));
        Assert.Equal(["量表中没有这道题"], result.Errors.For("answers.no.such"));
    }

    [Fact]
    public void EmergencyOverride_IsHighWithoutAnswers()
    {
        var result = RiskScoring.Score(Default, null, emergencyOverride: true);
        Assert.True(result.Errors.IsEmpty);
        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Equal(RiskLevel.High, RiskScoring.Score(Default, AllAt(0), emergencyOverride: true).Level);
    }

    [Fact]
    public void Check_RefusesUnusableDefinitions()
    {
        var q = new InstrumentQuestion("a", "A", [new InstrumentOption("x", "X", 0)]);
        var bad = new InstrumentDefinition([new InstrumentDimension("d", "D", [q, q])], new InstrumentThresholds(5, 5));
        var errors = bad.Check().ToDictionary();
        Assert.True(errors.ContainsKey("dimensions"));
        Assert.True(errors.ContainsKey("thresholds"));
        Assert.False(new InstrumentDefinition([], new InstrumentThresholds(1, 2)).Check().IsEmpty);
    }

    [Theory]
    [InlineData(RiskLevel.High, 7, 30)]
    [InlineData(RiskLevel.Medium, 14, 90)]
    [InlineData(RiskLevel.Low, 30, 180)]
    [InlineData(RiskLevel.Unknown, 30, 180)]
    public void Schedule_Defaults_FollowDomain4(RiskLevel level, int visit, int reassess)
    {
        Assert.Equal(visit, MonitoringSchedule.Default.VisitDays(level));
        Assert.Equal(reassess, MonitoringSchedule.Default.ReassessDays(level));
    }

    [Fact]
    public void VisitInterval_IsTheShortestOfRiskAndCategory_AndEachLevelNamesItsServices()
    {
        var schedule = MonitoringSchedule.Default with { VisitDaysByCategory = new Dictionary<Shouhu.Domain.Children.ProtectionCategory, int> { [Shouhu.Domain.Children.ProtectionCategory.DeFactoUnsupported] = 10 } };
        Assert.Equal(10, schedule.VisitDays(RiskLevel.Low, [Shouhu.Domain.Children.ProtectionCategory.DeFactoUnsupported, Shouhu.Domain.Children.ProtectionCategory.LeftBehind]));
        Assert.Equal(7, schedule.VisitDays(RiskLevel.High, [Shouhu.Domain.Children.ProtectionCategory.DeFactoUnsupported]));
        Assert.Equal(30, schedule.VisitDays(RiskLevel.Unknown, [Shouhu.Domain.Children.ProtectionCategory.LeftBehind]));
        Assert.Contains(ServiceType.TemporaryCare, MonitoringSchedule.Default.ServicesFor(RiskLevel.High));
        Assert.Empty(MonitoringSchedule.Default.ServicesFor(RiskLevel.Unknown));
        Assert.Equal("县级未成年人救助保护中心", MonitoringSchedule.InterveningLevel(RiskLevel.High));
    }

    [Fact]
    public void ActiveOnExpression_AgreesWithIsActiveOn()
    {
        var day = new DateOnly(2026, 11, 30);
        var active = Shouhu.Domain.Children.ChildCategory.ActiveOn(day).Compile();
        foreach (var status in Enum.GetValues<Shouhu.Domain.Children.CategoryStatus>())
        {
            foreach (var (from, to) in new (DateOnly, DateOnly?)[] { (day.AddDays(-1), null), (day, day), (day.AddDays(1), null), (day.AddYears(-1), day.AddDays(-1)) })
            {
                var k = new Shouhu.Domain.Children.ChildCategory { Status = status, ValidFrom = from, ValidTo = to, RegionCode = "430702001004" };
                Assert.Equal(k.IsActiveOn(day), active(k));
            }
        }
    }
}
