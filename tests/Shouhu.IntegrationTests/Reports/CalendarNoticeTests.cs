using Microsoft.Extensions.DependencyInjection;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Reports;

/// <summary>
/// The working calendar's end (ADR-010): within 60 days of its last configured year the report page tells the triagers —
/// who set deadlines by it — in Chinese only, and nobody else (a liaison or hotline operator cannot act on it).
/// </summary>
public sealed class CalendarNoticeTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WorkingCalendar Calendar => app.Services.GetRequiredService<WorkingCalendar>();

    [Fact]
    public void EndsSoonNotice_NamesTheMissingYearInChinese_OnlyWithin60DaysOfTheEnd()
    {
        Assert.Null(WorkingCalendarSettings.EndsSoonNotice(Calendar, new DateOnly(2026, 6, 1)));
        var notice = WorkingCalendarSettings.EndsSoonNotice(Calendar, new DateOnly(2026, 12, 1));
        Assert.NotNull(notice);
        Assert.Contains("2027", notice, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", notice); // no configuration key on a page
    }

    [Fact]
    public async Task ReportsPage_ShowsTheCalendarNotice_ToTriagersOnly()
    {
        // Page clients carry cookies on the real clock; whether the notice is due today is the function's (tested above).
        var due = WorkingCalendarSettings.EndsSoonNotice(Calendar, ChinaTime.Today(TimeProvider.System)) is not null;
        var supervisor = await app.PageUserAsync(Roles.ChildSupervisor, "430702001");
        var triager = System.Net.WebUtility.HtmlDecode(await supervisor.GetStringAsync("/Reports", Ct));
        Assert.Contains("待研判", triager, StringComparison.Ordinal);
        Assert.Equal(due, triager.Contains("id=\"calendar-notice\"", StringComparison.Ordinal));
        foreach (var role in new[] { Roles.HotlineOperator, Roles.ChildDirector })
        {
            var other = await (await app.PageUserAsync(role, role == Roles.ChildDirector ? ShouhuApp.VillageA : "430702")).GetStringAsync("/Reports", Ct);
            Assert.Contains("报告", other, StringComparison.Ordinal);
            Assert.DoesNotContain("calendar-notice", other, StringComparison.Ordinal);
        }
    }
}
