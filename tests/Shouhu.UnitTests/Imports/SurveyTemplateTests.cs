using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>The template read back by the reader (issue #12 item 4).</summary>
public class SurveyTemplateTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static byte[] Template()
    {
        using var ms = new MemoryStream();
        SurveyTemplate.Write(ms, Today);
        return ms.ToArray();
    }

    [Fact]
    public void Template_ReadBack_MapsEveryColumnWithNoUnknownOne()
    {
        using var reading = SurveyReading.Open(Template(), null, out var refusal)!;
        Assert.Null(refusal);
        Assert.Equal(SurveyFields.Of(SurveyFields.ChildSheet).Select(f => f.Field), reading.Children.Columns.Select(c => c.Field));
        Assert.Equal(SurveyFields.Of(SurveyFields.FamilySheet).Select(f => f.Field), reading.Family!.Columns.Select(c => c.Field));
        Assert.Empty(reading.Children.Unmatched);
        Assert.Empty(reading.Family.Unmatched);
    }

    [Fact]
    public void Template_ExampleRows_ValidateClean_AndAreSkippedByDefault()
    {
        using var reading = SurveyReading.Open(Template(), null, out _)!;
        var villages = new VillageDirectory([("430721", "示例县"), ("430721100", "示例镇"), (SurveyTemplate.ExampleVillage, "示例村")], "430721");
        var examples = reading.Rows(new SurveyOptions(Today, villages, SkipExamples: false)).ToList();
        Assert.Equal(2, examples.Count);
        Assert.All(examples, r => Assert.Empty(r.Problems));
        Assert.Equal((3, 1), (examples[0].Child!.Guardians.Count, examples[1].Child!.Guardians.Count));
        Assert.Equal(Shouhu.Domain.Children.ProtectionCategory.LeftBehind, Assert.Single(examples[0].Child!.Categories).Category);
        Assert.Empty(reading.OtherProblems);
        Assert.Empty(reading.Rows(new SurveyOptions(Today, villages)));
    }

    [Fact]
    public void Template_Instructions_ExplainEveryColumn()
    {
        using var source = SurveySources.Open(Template(), null, out _)!;
        Assert.Equal([SurveyFields.ChildSheet, SurveyFields.FamilySheet, SurveyFields.InstructionsSheet], source.Sheets);
        var rows = source.Rows(SurveyFields.InstructionsSheet).Skip(2).ToList();
        Assert.Equal(SurveyFields.All.Select(f => (f.Sheet, f.Header)), rows.Select(r => (r[0]!.Value.Text, r[1]!.Value.Text)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[2]?.Text)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[3]?.Text)));
    }
}
