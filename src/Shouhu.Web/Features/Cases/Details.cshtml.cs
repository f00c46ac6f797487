using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// The case page: header, the actions the caller may take now (status, plan and its approval, services, guardianship,
/// referrals, closure and its approval, hand-over, documents, notes) and the timeline. Every form posts to the same
 /// the case use cases (<see cref="CaseWork"/>) as the API; every post redirects back to the page (a refresh never posts again), a refusal
/// shown above the forms with the typed text kept (<see cref="FormStash"/>).
/// </summary>
[RequestSizeLimit(Attachments.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.MaxRequestBytes)]
public sealed class DetailsModel(CaseQueries queries, CaseStaff staff, Attachments attachments, RegionTransfer transfers, Shouhu.Data.ShouhuDbContext db, FormStash stash) : PageModel
{
    private Dictionary<string, string[]> _posted = new(StringComparer.Ordinal);

    // One use case per file: each post asks for its own (scoped, like the page).
    private T Use<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    public CaseResponse Case { get; private set; } = null!;

    /// <summary>The case's reports by id, as their links read: received time in China and channel (<c>2026-11-20 09:30 保护专线报告</c>).</summary>
    public Dictionary<Guid, string> ReportLabels { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public ValidationErrors Errors { get; private set; } = new();
    public List<StaffMember> Workers { get; private set; } = [];
    public List<(Guid Id, string Name, string Kind)> Targets { get; private set; } = [];
    public Actor Me => Actor.From(User);
    public RegionPicker? TransferPicker { get; private set; }
    private Case Row => new() { RegionCode = Case.RegionCode, AssignedWorkerId = Case.AssignedWorkerId, SupervisorId = Case.SupervisorId, PendingWorkerId = Case.PendingWorkerId };
    public bool CanWork => CaseAccess.CanWork(Row, Me);
    public bool CanApprove => CaseAccess.CanApprove(Row, Me);

    /// <summary>True when the caller may decide the submitted plan: an approver who neither wrote nor submitted it.</summary>
    public bool CanApprovePlan => CanApprove && Case.PlanSubmittedBy != Me.Id && Case.PlanAuthorId != Me.Id;

    /// <summary>True when the caller may decide the closure request: an approver who did not request it.</summary>
    public bool CanApproveClosure => CanApprove && Case.ClosureRequestedBy != Me.Id;

    /// <summary>
    /// The form whose save was refused, by its handler (<c>Plan</c>, <c>Service</c>, <c>Referral</c>…); null when none was.
    /// Several forms share field names (<c>note</c>, <c>reason</c>, <c>comment</c>), so a message is shown at a field of
    /// this form only.
    /// </summary>
    public string? PostedForm { get; private set; }

    /// <summary>The messages for <paramref name="field"/> of <paramref name="form"/> (its handler) as refused just now; empty for any other form.</summary>
    public IReadOnlyList<string> ErrorsAt(string form, string field) => PostedForm == form ? Errors.For(field) : [];

    // The handler's name travels with the kept values under a key no form field has.
    private const string FormKey = "_form";

    /// <summary>The posted values of a repeated field (plan rows), kept when the save was refused.</summary>
    public IReadOnlyList<string> PostedList(string name) => _posted.GetValueOrDefault(name) ?? [];
    public bool CanAssign => CaseAccess.CanAssign(Row, Me);
    public CaseStatus Status => CaseWorkflow.ParseText(Case.Status)!.Value;

    /// <summary>A field's value as just posted (kept when the save was refused).</summary>
    public string Posted(string name) => string.Join(",", _posted.GetValueOrDefault(name) ?? []);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        if (stash.Take(TempData, User) is { } kept)
        {
            (Message, MessageIsError, Errors, _posted) = (kept.Message, true, kept.ToErrors(), kept.Values);
            PostedForm = _posted.GetValueOrDefault(FormKey)?.FirstOrDefault();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, string? to, string? note, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<ChangeCaseStatus>().RunAsync(id, Me, new ChangeStatusRequest(to, note, version), ct), "状态已更新", ct);

    /// <summary>One composer for the timeline: a note, a file, or both (a file refused keeps the note unsaved and on screen).</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, IFormFile? file, CancellationToken ct)
    {
        var noteErrors = new ValidationErrors();
        CaseText.Clean(text, "text", 5000, false, noteErrors);
        if (!noteErrors.IsEmpty)
        {
            return await RunAsync(id, Task.FromResult<Outcome<Guid>>(Outcome.Invalid(noteErrors)), string.Empty, ct); // nothing stored, the file neither
        }

        if (file is { Length: > 0 })
        {
            await using var stream = file.OpenReadStream();
            var uploaded = await attachments.AddToCaseAsync(id, Me, file.FileName, stream, ct);
            if (!uploaded.Ok || string.IsNullOrWhiteSpace(text))
            {
                return await RunAsync(id, Task.FromResult(uploaded), "文件已上传", ct);
            }
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            return await RunAsync(id, Task.FromResult<Outcome<Guid>>(Outcome.Invalid("text", "请填写记录或选择文件")), string.Empty, ct);
        }

        return await RunAsync(id, Use<AddCaseNote>().RunAsync(id, Me, new NoteRequest(text), ct), file is { Length: > 0 } ? "已记录并上传文件" : "已记录", ct);
    }

    public Task<IActionResult> OnPostRiskAsync(Guid id, string? riskLevel, string? note, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<SetCaseRisk>().RunAsync(id, Me, new RiskRequest(riskLevel, note, version), ct), "风险等级已更新", ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? workerId, string? supervisorId, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<AssignCase>().RunAsync(id, Me, new AssignRequest(workerId, supervisorId, version), ct), "已分派", ct);

    public Task<IActionResult> OnPostTransferAsync(Guid id, string? toWorkerId, string? note, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<RequestCaseTransfer>().RunAsync(id, Me, new TransferRequest(toWorkerId, note, version), ct), "已移交，待对方接收", ct);

    public Task<IActionResult> OnPostRegionTransferAsync(Guid id, string? toRegionCode, string? note, Guid? version, CancellationToken ct) =>
        RunAsync(id, transfers.RequestAsync(id, Me, new RegionTransferRequest(RegionPicker.PickedIn(Request, "toRegionCode", toRegionCode), note, version), ct), "已提出移交，待接收地确认", ct);

    public Task<IActionResult> OnPostAcceptTransferAsync(Guid id, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<AcceptCaseTransfer>().RunAsync(id, Me, version, ct), "已接收移交", ct);

    public Task<IActionResult> OnPostPlanAsync(Guid id, string? goals, List<string?> itemType, List<string?> itemDescription, List<string?> itemResponsible, List<string?> itemDueOn, Guid? version, CancellationToken ct)
    {
        // Every row as typed: the use case skips the wholly empty ones and names the row of any field missing.
        var rows = new[] { itemType.Count, itemDescription.Count, itemResponsible.Count, itemDueOn.Count }.Max();
        var items = Enumerable.Range(0, rows).Select(i => new PlanItemRequest(itemType.ElementAtOrDefault(i), itemDescription.ElementAtOrDefault(i), itemResponsible.ElementAtOrDefault(i), itemDueOn.ElementAtOrDefault(i))).ToList();

        return RunAsync(id, Use<SaveCasePlan>().RunAsync(id, Me, new PlanRequest(goals, items, version), ct), "计划已保存", ct);
    }

    public Task<IActionResult> OnPostSubmitPlanAsync(Guid id, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<SubmitCasePlan>().RunAsync(id, Me, version, ct), "计划已提交督导审批", ct);

    public Task<IActionResult> OnPostDecidePlanAsync(Guid id, string? decision, string? comment, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<DecideCasePlan>().RunAsync(id, Me, decision == "approve", new DecisionRequest(comment, version), ct), decision == "approve" ? "已批准计划，案件进入服务阶段" : "已退回计划", ct);

    public Task<IActionResult> OnPostClosureAsync(Guid id, string? reason, string? note, string? closingAssessment, string? followUpOn, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<RequestCaseClosure>().RunAsync(id, Me, new ClosureRequest(reason, note, closingAssessment, followUpOn, version), ct), "结案申请已提交督导审批", ct);

    public Task<IActionResult> OnPostDecideClosureAsync(Guid id, string? decision, string? comment, Guid? version, CancellationToken ct) =>
        RunAsync(id, Use<DecideCaseClosure>().RunAsync(id, Me, decision == "approve", new DecisionRequest(comment, version), ct), decision == "approve" ? "已批准结案" : "已退回结案申请", ct);

    public Task<IActionResult> OnPostServiceAsync(Guid id, string? serviceType, string? provider, string? servedOn, int? durationMinutes, string? outcome, CancellationToken ct) =>
        RunAsync(id, Use<RecordCaseService>().RunAsync(id, Me, new ServiceRequest(serviceType, provider, servedOn, durationMinutes, outcome), ct), "服务已记录", ct);

    public Task<IActionResult> OnPostMeasureAsync(Guid id, string? kind, string? ground, string? placement, string? startOn, string? endOn, string? note, string? endReason, CancellationToken ct) =>
        RunAsync(id, Use<RecordGuardianshipMeasure>().RunAsync(id, Me, new MeasureRequest(kind, ground, placement, startOn, endOn, note, string.IsNullOrEmpty(endReason) ? null : endReason), ct), "监护措施已登记", ct);

    public Task<IActionResult> OnPostEndMeasureAsync(Guid id, Guid measureId, string? endOn, string? reason, string? note, CancellationToken ct) =>
        RunAsync(id, Use<EndGuardianshipMeasure>().RunAsync(id, measureId, Me, new EndMeasureRequest(endOn, reason, note), ct), "监护措施已终止", ct);

    public Task<IActionResult> OnPostReferralAsync(Guid id, Guid? organizationId, string? reason, string? dueAt, string? sharedInformation, CancellationToken ct) =>
        RunAsync(id, Use<SendReferral>().RunAsync(id, Me, new SendReferralRequest(organizationId, reason, dueAt, sharedInformation), ct), "转介已发送", ct);

    private async Task<IActionResult> RunAsync(Guid id, Task<Outcome<Guid>> command, string done, CancellationToken ct)
    {
        var outcome = await command;
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok)
        {
            TempData["message"] = done;
            return Redirect($"/Cases/Details/{id}");
        }

        Errors = outcome.Errors;
        // Each message is shown at its field in the form that was sent (issue #10); the banner only counts them.
        var message = outcome.Message ?? $"未保存：请改正下面标出的{Errors.Count}处";
        var values = FormStash.ValuesOf(Request.Form);
        values[FormKey] = [Request.Query["handler"].ToString()];
        stash.Keep(TempData, User, new KeptForm(message, Errors.ToDictionary(), values));
        return Redirect($"/Cases/Details/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, Me, ct) is not { } c)
        {
            return false;
        }

        Case = c;
        // Each report named by when and how it came in (两条「查看报告」 could not be told apart); one the reader's
        // jurisdiction does not show keeps a plain label.
        var reports = await db.Reports.AsNoTracking().Where(r => c.ReportIds.Contains(r.Id)).Select(r => new { r.Id, r.ReceivedAt, r.Channel }).ToListAsync(ct);
        ReportLabels = reports.ToDictionary(r => r.Id, r => $"{ChinaTime.ToChina(r.ReceivedAt):yyyy-MM-dd HH:mm} {CaseworkNames.Of(r.Channel)}报告");
        if (CanWork || CanAssign)
        {
            Workers = await staff.CandidatesAsync(c.RegionCode, Roles.CaseWorkers, ct);
            Targets = await Use<SendReferral>().TargetsAsync(c.RegionCode, ct);
            TransferPicker = await RegionPicker.BuildAsync(db, "toRegionCode", RegionPicker.PickedIn(Request, "toRegionCode", null), 5, ct, anyRegion: true);
        }

        return true;
    }
}
