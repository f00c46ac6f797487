using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Domain.Accounts;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// One report (audited as a View), with the triage form for supervisors and officers: open a case (with its worker and
/// risk level, both chosen), link to an open case of the child, or close with a reason. A refused triage redirects back
/// with the choices kept (<see cref="FormStash"/>), so that a refresh never triages again.
/// </summary>
public sealed class DetailsModel(ReportQueries queries, TriageReport triage, CaseStaff staff, Shouhu.Data.ShouhuDbContext db, FormStash stash) : PageModel
{
    public ReportResponse Report { get; private set; } = null!;
    public bool JustCreated { get; private set; }
    public string? RefusedFiles { get; private set; }
    public string? Message { get; private set; }
    public Domain.Children.ValidationErrors Errors { get; private set; } = new();
    public List<StaffMember> Workers { get; private set; } = [];
    public List<(Guid Id, string CaseNumber, string Status)> OpenCases { get; private set; } = [];
    public bool CanTriage => Roles.CaseSupervisors.Contains(Actor.From(User).Role) && Report.Status == "awaiting-triage";
    [BindProperty] public TriageRequest Triage { get; set; } = new(null);
    [BindProperty(Name = "caseNumber")] public string? CaseNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool created, CancellationToken ct)
    {
        JustCreated = created;
        RefusedFiles = TempData["refusedFiles"] as string;
        if (stash.Take(TempData, User) is { } kept)
        {
            string? Value(string name) => kept.Values.GetValueOrDefault(name)?.FirstOrDefault();
            (Message, Errors, CaseNumber) = (kept.Message, kept.ToErrors(), Value("caseNumber"));
            Triage = new TriageRequest(Value("Triage.Decision"), Guid.TryParse(Value("Triage.CaseId"), out var caseId) ? caseId : null, Value("Triage.Reason"), Value("Triage.WorkerId"), null, Value("Triage.RiskLevel"));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (Triage.Decision == "link-case" && Triage.CaseId is null && !string.IsNullOrWhiteSpace(CaseNumber))
        {
            // Linking by the number a colleague reads out: only a case the caller can see is found.
            var number = CaseNumber.Trim();
            Triage = Triage with { CaseId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Cases.Where(c => c.CaseNumber == number).Select(c => (Guid?)c.Id), ct) };
            if (Triage.CaseId is null)
            {
                return Refused(id, $"未找到案件编号 {number}（或不在您的辖区）", new());
            }
        }

        var outcome = await triage.RunAsync(id, Triage, Actor.From(User), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok && outcome.Value?.CaseId is { } caseId)
        {
            // The case page says what the triage did, once (issue #10: the new case appeared without a word).
            TempData["message"] = Triage.Decision == "link-case" ? $"报告已并入案件 {outcome.Value.CaseNumber}" : $"已立案：案件 {outcome.Value.CaseNumber}";
            return Redirect($"/Cases/Details/{caseId}");
        }

        if (outcome.Ok)
        {
            return Redirect($"/Reports/Details/{id}");
        }

        return Refused(id, outcome.Message ?? "未保存：请按提示修改。", outcome.Errors);
    }

    public async Task<IActionResult> OnPostPoliceReportAsync(Guid id, string? reportedAt, string? reportedBy, string? policeUnit, [FromServices] RecordPoliceReport handler, CancellationToken ct) =>
        Answer(id, await handler.RunAsync(id, new PoliceReportInput(reportedAt, reportedBy, policeUnit), Actor.From(User), ct));

    public async Task<IActionResult> OnPostPoliceFeedbackAsync(Guid id, string? receivedAt, string? note, [FromServices] RecordPoliceFeedback handler, CancellationToken ct) =>
        Answer(id, await handler.RunAsync(id, new PoliceFeedbackInput(receivedAt, note), Actor.From(User), ct));

    private IActionResult Answer(Guid id, Outcome<Guid> outcome) =>
        outcome.NotFound ? NotFound()
        : outcome.Ok ? Redirect($"/Reports/Details/{id}")
        : Refused(id, outcome.Message ?? "未保存：请按提示修改。", outcome.Errors);

    private RedirectResult Refused(Guid id, string message, Domain.Children.ValidationErrors errors)
    {
        stash.Keep(TempData, User, new KeptForm(message, errors.ToDictionary(), FormStash.ValuesOf(Request.Form)));
        return Redirect($"/Reports/Details/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, Actor.From(User), ct) is not { } r)
        {
            return false;
        }

        Report = r;
        if (CanTriage)
        {
            // The case will be opened where the child lives (a registered child) or where it happened.
            var region = r.ChildId is { } childId
                ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Children.Where(c => c.Id == childId).Select(c => c.RegionCode), ct) ?? r.RegionCode
                : r.RegionCode;
            Workers = await staff.CandidatesAsync(region, Roles.CaseWorkers, ct);
            if (r.ChildId is { } child)
            {
                OpenCases = await queries.OpenCasesOfChildAsync(child, ct);
            }
        }

        return true;
    }
}
