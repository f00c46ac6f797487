using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>
/// The home-visit form (走访记录), made for a village child director's phone: tap who was met, whether the guardian was
/// there, four situation ratings, what is needed; a new concern is reported in the same step. Same handler as the API.
/// </summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class NewModel(RecordVisit visits, ShouhuDbContext db, TimeProvider clock) : PageModel
{
    public string ChildName { get; private set; } = string.Empty;
    public Guid ChildId { get; private set; }
    public ValidationErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    [BindProperty] public string? VisitedAt { get; set; }
    [BindProperty] public List<string> Met { get; set; } = [];
    [BindProperty] public string? MetOther { get; set; }
    [BindProperty] public bool? GuardianPresent { get; set; }
    [BindProperty] public string? Safety { get; set; }
    [BindProperty] public string? Health { get; set; }
    [BindProperty] public string? Schooling { get; set; }
    [BindProperty] public string? DailyCare { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Needs { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    [BindProperty] public bool ReportConcern { get; set; }
    [BindProperty] public List<string> ConcernTypes { get; set; } = [];
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? Narrative { get; set; }

    /// <summary>Now in China, the visit time's first value, typed as every date is (<c>2026-11-30 21:05</c>, whatever the browser's locale).</summary>
    public string Now => ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Who a director usually meets, offered as taps.</summary>
    public static readonly string[] CommonPersons = ["儿童本人", "父亲", "母亲", "祖父母", "外祖父母", "委托照护人", "老师"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        VisitedAt = Now;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var met = Met.Concat((MetOther ?? string.Empty).Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var body = new VisitRequest(VisitedAt, met, GuardianPresent, new VisitSituation(Safety, Health, Schooling, DailyCare, Note), Needs, FollowUp,
            ReportConcern ? new VisitConcern(ConcernTypes, Urgency, Narrative) : null);
        var actor = Actor.From(User);
        var outcome = await visits.RunAsync(id, body, actor, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok && outcome.Value is { } response)
        {
            var serious = new[] { response.Safety, response.Health, response.Schooling, response.DailyCare }.Contains("serious");
            TempData["visit"] = $"已记录走访。下次走访：{response.NextDueAt:yyyy-MM-dd}" + (response.ReportId is null ? string.Empty : "。新情况已报告，等待研判。")
                + (serious ? "发现严重情况：请尽快进行监护风险评估。" : string.Empty);
            return Redirect($"/Children/Details/{id}");
        }

        Errors = outcome.Errors;
        Message = outcome.Message ?? "未保存：请按提示修改（已填写的内容都保留着）。";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return false;
        }

        (ChildId, ChildName) = (child.Id, child.Name);
        return true;
    }
}
