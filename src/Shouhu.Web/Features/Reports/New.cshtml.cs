using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>The intake form fields, as posted (strings: nothing typed is lost to a type error).</summary>
public sealed class ReportForm
{
    public string? Channel { get; set; } = nameof(ReportChannel.Hotline);
    public string? ReceivedAt { get; set; }
    public string? Urgency { get; set; }
    public List<string> ConcernTypes { get; set; } = [];
    public string? Narrative { get; set; }
    public Guid? ChildId { get; set; }
    public string? ChildName { get; set; }
    public string? ChildSex { get; set; }
    public int? ChildAge { get; set; }
    public string? ChildDescription { get; set; }
    public string? RegionCode { get; set; }
    public string? Location { get; set; }
    public bool Anonymous { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterRelation { get; set; }
    public string? ReporterOrganization { get; set; }

    /// <summary>The same input as the API's.</summary>
    public ReportInput ToInput() => new(
        Channel, ReceivedAt, ConcernTypes, Urgency, Narrative, ChildId,
        string.IsNullOrWhiteSpace(ChildName) && string.IsNullOrWhiteSpace(ChildSex) && ChildAge is null && string.IsNullOrWhiteSpace(ChildDescription)
            ? null : new UnidentifiedChildInput(ChildName, ChildSex, ChildAge, ChildDescription),
        new ReporterInput(Anonymous, ReporterName, ReporterPhone, ReporterRelation, ReporterOrganization),
        RegionCode, Location);
}

/// <summary>
/// The intake form (报告登记) for every channel, built for a hotline operator at night: keyboard only, in tab order, the
/// received time filled in, a child found by name or ID number as you type. On any error every field keeps its text
/// (and the browser keeps a draft in the tab's session storage, in case the network fails).
/// </summary>
[Authorize(Policy = Policies.RecordReports)]
[RequestSizeLimit(5 * Attachments.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * Attachments.MaxRequestBytes)]
public sealed class NewModel(RecordReport record, Attachments attachments, ShouhuDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ReportForm Form { get; set; } = new();
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public string? ChildLabel { get; private set; }
    public List<(Guid Id, string Name, string Village, int Age)> Matches { get; private set; } = [];

    public async Task OnGetAsync(Guid? childId, string? channel, CancellationToken ct)
    {
        Form.ReceivedAt = ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm");
        Form.ChildId = childId;
        if (EnumName.TryParse<ReportChannel>(channel, out var c))
        {
            Form.Channel = c.ToString();
        }

        await PrepareAsync(ct);
    }

    /// <summary>htmx: children of the jurisdiction whose name or ID number starts with <paramref name="q"/> (at most 8).</summary>
    public async Task<IActionResult> OnGetChildrenAsync(string? q, CancellationToken ct)
    {
        q = q?.Trim();
        if (!string.IsNullOrEmpty(q) && Domain.Accounts.Roles.RegistryReaders.Contains(Actor.From(User).Role))
        {
            var today = ChinaTime.Today(clock);
            var upper = q.ToUpperInvariant();
            var rows = await db.Children.AsNoTracking().TagWith("shouhu:name-search")
                .Where(c => string.Compare(c.Name, q) >= 0 && string.Compare(c.Name, q + "\uffff") < 0 || c.CitizenIdNumber == upper)
                .OrderBy(c => c.Name).Take(8).Select(c => new { c.Id, c.Name, c.RegionCode, c.BirthDate }).ToListAsync(ct);
            var names = await HttpContext.RequestServices.GetRequiredService<RegionNames>().NamesAsync(rows.Select(r => r.RegionCode), ct);
            Matches = rows.Select(r => (r.Id, r.Name, names.GetValueOrDefault(r.RegionCode) ?? r.RegionCode, ChinaTime.AgeOn(r.BirthDate, today))).ToList();
            db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"intake-search;rows={rows.Count}", children: rows.Select(r => r.Id));
            await db.SaveChangesAsync(ct);
        }

        return Partial("_ChildMatches", this);
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        Form.RegionCode = RegionPicker.PickedIn(Request, "Form.RegionCode", Form.RegionCode);
        var actor = Actor.From(User);
        var outcome = await record.RunAsync(Form.ToInput(), actor, ct);
        if (outcome.Value is not { } report)
        {
            Errors = outcome.Errors;
            await PrepareAsync(ct);
            return Page();
        }

        // The report is saved first: a refused attachment never loses it (its message is shown on the report page).
        var refused = new List<string>();
        foreach (var file in files.Where(f => f.Length > 0).Take(10))
        {
            await using var stream = file.OpenReadStream();
            var r = await attachments.AddToReportAsync(report.Id, actor, file.FileName, stream, ct);
            if (!r.Ok)
            {
                refused.Add($"{Path.GetFileName(file.FileName)}：{string.Join("；", r.Errors.For("file"))}");
            }
        }

        TempData["refusedFiles"] = string.Join("\n", refused);
        return Redirect($"/Reports/Details/{report.Id}?created=true");
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Picker = await RegionPicker.BuildAsync(db, "Form.RegionCode", Form.RegionCode, 3, ct);
        if (Form.ChildId is { } id && Domain.Accounts.Roles.RegistryReaders.Contains(Actor.From(User).Role))
        {
            ChildLabel = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        }
    }
}
