using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>
/// My open alerts (预警), most severe and earliest due first, 100 a page, by rule if chosen — the same query as the
/// workbench count; each row names the child and village and links to the work that clears it.
/// </summary>
public sealed class IndexModel(ShouhuDbContext db, RegionNames regionNames) : PageModel
{
    private const int PageSize = 100;

    public List<Alert> Items { get; private set; } = [];
    public Dictionary<Guid, string> ChildNames { get; private set; } = [];
    public Dictionary<string, string> Places { get; private set; } = [];
    public List<(AlertRule Rule, int Count)> ByRule { get; private set; } = [];
    public int Total { get; private set; }
    public int All { get; private set; }
    public AlertRule? Rule { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? rule, int? p, CancellationToken ct)
    {
        var q = AlertList.Open(db, Actor.From(User));
        ByRule = (await q.GroupBy(a => a.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count)).ToList();
        All = ByRule.Sum(r => r.Count);
        if (EnumName.TryParse<AlertRule>(rule, out var r))
        {
            Rule = r;
            q = q.Where(a => a.Rule == r);
        }

        Total = Rule is null ? All : ByRule.Where(x => x.Rule == Rule).Sum(x => x.Count);
        PageNumber = Math.Clamp(p ?? 1, 1, Pages);
        Items = await q.OrderByDescending(a => a.Severity).ThenBy(a => a.DueAt).ThenBy(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Items.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value).Distinct().ToList();
        ChildNames = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Places = await regionNames.PlacesAsync(Items.Select(a => a.RegionCode), ct);
        db.RecordAudit("List", "Alert", null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={Items.Count}", children: ids);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rule in Chinese (the filter's options).</summary>
    public static string RuleName(AlertRule rule) => rule switch
    {
        AlertRule.VisitOverdue => "走访逾期",
        AlertRule.ReassessmentOverdue => "复评逾期",
        AlertRule.ReportClockPassed => "报告超时未研判",
        AlertRule.ReferralOverdue => "转介逾期",
        AlertRule.LeftBehindTurning16 => "留守儿童将满16周岁",
        AlertRule.Turning18 => "将满18周岁",
        AlertRule.IdBirthDateMismatch => "身份证号与出生日期不一致",
        AlertRule.HighRiskWithoutCase => "高风险无案件",
        AlertRule.EntrustedCaregiverMissing => "未落实委托照护人",
        AlertRule.VerificationPending => "类别待核查超时",
        AlertRule.PoliceFeedbackOverdue => "公安反馈超时",
        _ => rule.ToString(),
    };

    /// <summary>Where the work that clears the alert is done, and the button's text.</summary>
    public static (string Href, string Text)? ActionFor(Alert a) => (a.Rule, a.ChildId) switch
    {
        (AlertRule.VisitOverdue, { } c) => ($"/Children/Visit/{c}", "去走访"),
        (AlertRule.ReassessmentOverdue, { } c) => ($"/Children/Assess/{c}", "去评估"),
        (AlertRule.ReportClockPassed, _) => ($"/Reports/Details/{a.SubjectKey}", "去研判"),
        (AlertRule.PoliceFeedbackOverdue, _) => ($"/Reports/Details/{a.SubjectKey}", "查看报告"),
        (AlertRule.ReferralOverdue, _) when a.CaseId is { } k => ($"/Cases/Details/{k}", "查看案件"),
        (AlertRule.HighRiskWithoutCase, { } c) => ($"/Children/Details/{c}", "报告立案"),
        (AlertRule.EntrustedCaregiverMissing or AlertRule.IdBirthDateMismatch, { } c) => ($"/Children/Edit/{c}", "补充更正"),
        (_, { } c) => ($"/Children/Details/{c}", "查看"),
        _ => null,
    };
}
