using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Prevention;

/// <summary>
/// 预防教育: the jurisdiction's activities (50 a page) and the form that records one — topic, name, date, village, place,
/// organiser, and the children of that village who attended (those under protection first, ticked by tapping).
/// </summary>
[Authorize(Policy = Policies.WriteRegistry)]
public sealed class IndexModel(PreventionActivities prevention, ShouhuDbContext db, TimeProvider clock) : PageModel
{
    public List<PreventionResponse> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public List<(string Code, string Name)> Villages { get; private set; } = [];
    public List<(Guid Id, string Name, int Age, bool Protected)> Children { get; private set; } = [];
    public ValidationErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    public string Today => ChinaTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Organizer { get; set; }
    [BindProperty] public List<Guid> ChildIds { get; set; } = [];

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        HeldOn ??= Today;
        await LoadAsync(p, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (activity, errors) = await prevention.RecordAsync(new PreventionRequest(Topic, Title, HeldOn, Village, Location, Organizer, ChildIds), Actor.From(User), ct);
        if (activity is not null)
        {
            TempData["prevention"] = $"已登记：{activity.TopicName}「{activity.Title}」，{activity.Attended} 名儿童参加。";
            return Redirect("/Prevention?village=" + Uri.EscapeDataString(Village ?? string.Empty));
        }

        Errors = errors;
        Message = "未保存：请按提示修改（已填写的内容都保留着）。";
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        (Items, Total) = await prevention.ListAsync(page, ct);
        PageNumber = Math.Clamp(page ?? 1, 1, 100_000);
        var scope = db.Caller.JurisdictionCode ?? string.Empty;
        if (Domain.Regions.RegionCode.LevelOf(scope) == 5)
        {
            Village = scope;
        }
        else
        {
            var (low, high) = Domain.Regions.RegionCode.SubtreeRange(scope);
            Villages = (await db.Regions.AsNoTracking().Where(r => r.Level == 5 && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Take(2000).Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        }

        if (!string.IsNullOrEmpty(Village) && db.Caller.CanSee(Village))
        {
            var today = ChinaTime.Today(clock);
            var active = db.ChildCategories.AsNoTracking().Where(ChildCategory.ActiveOn(today));
            var rows = await db.Children.AsNoTracking().Where(c => c.RegionCode == Village)
                .Select(c => new { c.Id, c.Name, c.BirthDate, Protected = active.Any(k => k.ChildId == c.Id) })
                .OrderByDescending(c => c.Protected).ThenBy(c => c.BirthDate).Take(1000).ToListAsync(ct);
            Children = rows.Select(c => (c.Id, c.Name, ChinaTime.AgeOn(c.BirthDate, today), c.Protected)).ToList();
            db.RecordAudit("List", "Child", null, scope, $"prevention;rows={rows.Count}", children: rows.Select(c => c.Id));
            await db.SaveChangesAsync(ct);
        }
    }
}
