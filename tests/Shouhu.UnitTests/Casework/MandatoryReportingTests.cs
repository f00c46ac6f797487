using Shouhu.Domain.Casework;
using Xunit;
using Shouhu.Domain.Identity;

namespace Shouhu.UnitTests;

/// <summary>The nine mandatory-report situations (issue #11 §10): minimum urgency, situations 2 and 3 against sex and age, the police's 3 days.</summary>
public sealed class MandatoryReportingTests
{
    [Fact]
    public void EverySituation_IsAtLeastUrgent_OtherConcernsKeepTheirUrgency()
    {
        foreach (var concern in Enum.GetValues<ConcernType>())
        {
            var situation = (int)concern <= 9;
            Assert.Equal(situation, MandatoryReporting.IsSituation(concern));
            Assert.Equal(situation ? Urgency.Urgent : Urgency.Routine, MandatoryReporting.UrgencyFor(Urgency.Routine, [concern, ConcernType.Other]));
            Assert.Equal(Urgency.Urgent, MandatoryReporting.UrgencyFor(Urgency.Urgent, [concern]));
            Assert.Equal(Urgency.ImmediateDanger, MandatoryReporting.UrgencyFor(Urgency.ImmediateDanger, [concern]));
        }
    }

    public static TheoryData<ConcernType, Sex?, int?, bool> SexAndAge => new()
    {
        // situation 2: a girl under 14
        { ConcernType.SexualAbuseUnder14, Sex.Female, 13, true },
        { ConcernType.SexualAbuseUnder14, Sex.Female, 0, true },
        { ConcernType.SexualAbuseUnder14, Sex.Female, 14, false },
        { ConcernType.SexualAbuseUnder14, Sex.Female, 17, false },
        { ConcernType.SexualAbuseUnder14, Sex.Male, 10, false },
        { ConcernType.SexualAbuseUnder14, Sex.Male, null, false },
        { ConcernType.SexualAbuseUnder14, null, null, true },
        { ConcernType.SexualAbuseUnder14, Sex.Unknown, 15, false },
        { ConcernType.SexualAbuseUnder14, Sex.NotStated, 9, true },
        // situation 3: a girl of 14 or more
        { ConcernType.PregnancyFromAbuse, Sex.Female, 14, true },
        { ConcernType.PregnancyFromAbuse, Sex.Female, 17, true },
        { ConcernType.PregnancyFromAbuse, Sex.Female, 13, false },
        { ConcernType.PregnancyFromAbuse, Sex.Male, 15, false },
        { ConcernType.PregnancyFromAbuse, null, 12, false },
        { ConcernType.PregnancyFromAbuse, null, null, true },
        // the other situations say nothing about sex or age
        { ConcernType.GenitalInjury, Sex.Male, 5, true },
        { ConcernType.PhysicalAbuse, Sex.Female, 16, true },
    };

    [Theory]
    [MemberData(nameof(SexAndAge))]
    public void Situations2And3_FitOnlyGirlsOnTheirSideOf14(ConcernType concern, Sex? sex, int? age, bool fits)
    {
        var message = MandatoryReporting.Contradiction(concern, sex, age);
        Assert.Equal(fits, message is null);
        if (message is not null)
        {
            Assert.Contains(concern == ConcernType.SexualAbuseUnder14 ? "情形二" : "情形三", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Age_IsTakenOnTheChinaDateOfReceipt()
    {
        var birth = new DateOnly(2012, 12, 1);
        // 周岁 count from the day after the birthday (ADR-009): 14 from 2 December. 2026-12-01 16:00 UTC is already
        // 2 December in China; a minute earlier is still the birthday itself, 13.
        Assert.Equal(14, MandatoryReporting.AgeAt(birth, new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(13, MandatoryReporting.AgeAt(birth, new DateTime(2026, 12, 1, 15, 59, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("2026-11-30 09:00", "2026-12-04 00:00")] // reported Monday: Tuesday, Wednesday, Thursday; due at 24:00 Thursday
    [InlineData("2026-11-30 23:59", "2026-12-04 00:00")]
    [InlineData("2026-12-01 00:00", "2026-12-05 00:00")] // calendar days: a weekend is not skipped
    [InlineData("2026-09-30 22:00", "2026-10-04 00:00")] // nor a holiday
    public void PoliceFeedback_IsDueAtTheEndOfTheThirdDayAfterTheReport(string reported, string due)
    {
        static DateTime Utc(string s) => new DateTimeOffset(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).UtcDateTime;
        Assert.Equal(Utc(due), MandatoryReporting.PoliceFeedbackDueAt(Utc(reported)));
    }
}
