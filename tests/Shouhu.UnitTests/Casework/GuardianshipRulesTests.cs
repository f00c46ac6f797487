using Shouhu.Domain.Casework;
using Xunit;

namespace Shouhu.UnitTests;

/// <summary>Guardianship by civil affairs (Minor Protection Law arts. 92–95; issue #11 §12).</summary>
public sealed class GuardianshipRulesTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory]
    [InlineData(GuardianshipKind.Temporary, Placement.None, false)]
    [InlineData(GuardianshipKind.Temporary, Placement.Kinship, true)]
    [InlineData(GuardianshipKind.Temporary, Placement.FosterFamily, true)]
    [InlineData(GuardianshipKind.Temporary, Placement.ProtectionInstitution, true)]
    [InlineData(GuardianshipKind.Temporary, Placement.WelfareInstitution, true)]
    [InlineData(GuardianshipKind.LongTerm, Placement.None, true)]
    public void TemporaryGuardianship_NeedsAPlacement(GuardianshipKind kind, Placement placement, bool ok) =>
        Assert.Equal(ok, GuardianshipRules.PlacementProblem(kind, placement) is null);

    public static TheoryData<int, int?, bool> Spans => new()
    {
        // against an existing temporary measure from 1 March to 31 March (days as day-of-year offsets from 1 March)
        { -10, -1, false },  // ends the day before
        { -10, 0, true },    // ends on its first day
        { 30, 40, true },    // starts on its last day
        { 31, null, false }, // starts the day after, open-ended
        { 5, 6, true },      // inside
        { -5, null, true },  // open-ended, from before
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void MeasuresOfOneKind_DoNotOverlap_DaysInclusive(int startOffset, int? endOffset, bool overlaps)
    {
        var first = D(3, 1);
        var existing = new GuardianshipRules.Span(Guid.NewGuid(), GuardianshipKind.Temporary, first, D(3, 31));
        var candidate = new GuardianshipRules.Span(Guid.Empty, GuardianshipKind.Temporary, first.AddDays(startOffset), endOffset is { } e ? first.AddDays(e) : null);
        Assert.Equal(overlaps, GuardianshipRules.Overlapping(candidate, [existing]) is not null);
        // A measure of the other kind at the same time is no overlap; neither is the measure itself.
        Assert.Null(GuardianshipRules.Overlapping(candidate with { Kind = GuardianshipKind.LongTerm }, [existing]));
        Assert.Null(GuardianshipRules.Overlapping(existing, [existing]));
    }

    [Fact]
    public void AnOpenMeasure_OverlapsEverythingAfterItsStart()
    {
        var open = new GuardianshipRules.Span(Guid.NewGuid(), GuardianshipKind.LongTerm, D(1, 1), null);
        Assert.NotNull(GuardianshipRules.Overlapping(new(Guid.Empty, GuardianshipKind.LongTerm, D(12, 1), D(12, 2)), [open]));
        Assert.Null(GuardianshipRules.Overlapping(new(Guid.Empty, GuardianshipKind.LongTerm, D(1, 1).AddDays(-30), D(1, 1).AddDays(-1)), [open]));
    }

    public static TheoryData<GuardianshipKind, GuardianshipEndReason, bool?, string?, string?> Ends => new()
    {
        // kind, reason, assessment (null none / false not high / true high), note, the field refused (null: allowed)
        { GuardianshipKind.Temporary, GuardianshipEndReason.ReturnedHome, null, null, "reason" },
        { GuardianshipKind.Temporary, GuardianshipEndReason.ReturnedHome, true, null, "reason" },
        { GuardianshipKind.Temporary, GuardianshipEndReason.ReturnedHome, false, null, null },
        { GuardianshipKind.Temporary, GuardianshipEndReason.Adopted, null, null, "reason" },
        { GuardianshipKind.Temporary, GuardianshipEndReason.BecameLongTerm, null, null, null },
        { GuardianshipKind.Temporary, GuardianshipEndReason.CameOfAge, null, null, null },
        { GuardianshipKind.Temporary, GuardianshipEndReason.Other, null, null, "note" },
        { GuardianshipKind.Temporary, GuardianshipEndReason.Other, null, "法院指定祖母为监护人", null },
        { GuardianshipKind.LongTerm, GuardianshipEndReason.Adopted, null, null, null },
        { GuardianshipKind.LongTerm, GuardianshipEndReason.ReturnedHome, false, null, "reason" },
        { GuardianshipKind.LongTerm, GuardianshipEndReason.BecameLongTerm, null, null, "reason" },
        { GuardianshipKind.LongTerm, GuardianshipEndReason.CameOfAge, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void Ending_FollowsArticles93And95(GuardianshipKind kind, GuardianshipEndReason reason, bool? highRisk, string? note, string? refusedField)
    {
        var assessment = highRisk is { } h ? new GuardianshipRules.Assessment(Guid.NewGuid(), D(6, 1), h) : null;
        Assert.Equal(refusedField, GuardianshipRules.EndProblem(kind, reason, assessment, note)?.Field);
    }
}
