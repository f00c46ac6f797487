using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Cases;

/// <summary>Answer of an upload (case, report or referral, API-CONTRACT.md): 201 <c>{id}</c> with the file's address as Location.</summary>
public sealed record AttachmentCreatedResponse(Guid Id)
{
    /// <summary>201 for the attachment <paramref name="id"/>, at <c>/api/v1/attachments/{id}</c>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Created<AttachmentCreatedResponse> Answer(Guid id) =>
        TypedResults.Created($"/api/v1/attachments/{id}", new AttachmentCreatedResponse(id));
}

/// <summary>A case as the API and the case page show it (API-CONTRACT.md <c>GET /api/v1/cases/{id}</c> plus the file).</summary>
public sealed record CaseResponse(
    Guid Id,
    string CaseNumber,
    string Status,
    string RiskLevel,
    Guid? ChildId,
    string? ChildName,
    string RegionCode,
    string? RegionName,
    string Urgency,
    IReadOnlyList<string> ConcernTypes,
    string? AssignedWorkerId,
    string? AssignedWorkerName,
    string? SupervisorId,
    string? SupervisorName,
    string? PendingWorkerId,
    string? PendingWorkerName,
    string PlanState,
    string ClosureState,
    string? ClosureReason,
    string? ClosureNote,
    string? ClosingAssessment,
    DateOnly? FollowUpOn,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedByName,
    Guid Version,
    CasePlanResponse? Plan,
    IReadOnlyList<ServiceRecordResponse> Services,
    IReadOnlyList<GuardianshipMeasureResponse> Measures,
    IReadOnlyList<CaseReferralResponse> Referrals,
    IReadOnlyList<AttachmentResponse> Attachments,
    IReadOnlyList<Guid> ReportIds,
    IReadOnlyList<CaseEventResponse> Events,
    string? PlanSubmittedBy = null,
    string? PlanAuthorId = null,
    string? ClosureRequestedBy = null,
    string? PendingRegionCode = null);

/// <summary>One step of the timeline.</summary>
public sealed record CaseEventResponse(Guid Id, DateTimeOffset At, string Kind, string ActorName, string Text, Guid? SubjectId);

/// <summary>The plan with its items.</summary>
public sealed record CasePlanResponse(string Goals, int Revision, DateTimeOffset UpdatedAt, IReadOnlyList<CasePlanItemResponse> Items);

/// <summary>One planned service.</summary>
public sealed record CasePlanItemResponse(string ServiceType, string Description, string Responsible, DateOnly DueOn);

/// <summary>A service delivered.</summary>
public sealed record ServiceRecordResponse(Guid Id, string ServiceType, string Provider, DateOnly ServedOn, int? DurationMinutes, string? Outcome, DateTimeOffset RecordedAt);

/// <summary>A guardianship measure; once ended, its <c>endReason</c> (API name of <see cref="GuardianshipEndReason"/>), the assessment a return home relied on and a note.</summary>
public sealed record GuardianshipMeasureResponse(Guid Id, string Kind, string Ground, string Placement, DateOnly StartOn, DateOnly? EndOn, string? Note,
    string? EndReason = null, Guid? EndAssessmentId = null, string? EndNote = null);

/// <summary>A referral as the sending side sees it.</summary>
public sealed record CaseReferralResponse(Guid Id, Guid OrganizationId, string OrganizationName, string Status, string Reason, string? SharedInformation,
    DateTimeOffset? DueAt, bool Overdue, DateTimeOffset SentAt, string SentByName, string? RespondedByName, string? DeclineReason, string? ActionsTaken, string? Feedback);

/// <summary>An attachment's description (the content is at <c>/api/v1/attachments/{id}</c>).</summary>
public sealed record AttachmentResponse(Guid Id, string FileName, string Kind, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, string UploadedByName);

/// <summary>A line of a case list.</summary>
public sealed record CaseListItem(Guid Id, string CaseNumber, string Status, string RiskLevel, string Urgency, Guid? ChildId, string? ChildName, string RegionCode,
    string? AssignedWorkerName, string? SupervisorName, string PlanState, string ClosureState, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt);

/// <summary>A page of cases.</summary>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize);

/// <summary>Body of <c>POST /api/v1/cases/{id}/status</c>: the status to move to (API text), an optional note, and the version read.</summary>
public sealed record ChangeStatusRequest(string? To, string? Note, Guid? Version);

/// <summary>Body of a note: text (1–5,000 characters).</summary>
public sealed record NoteRequest(string? Text);

/// <summary>Body of an assignment: the worker and (optionally) the supervisor.</summary>
public sealed record AssignRequest(string? WorkerId, string? SupervisorId, Guid? Version);

/// <summary>Body of a hand-over to another worker, who must accept it.</summary>
public sealed record TransferRequest(string? ToWorkerId, string? Note, Guid? Version);

/// <summary>Body of a risk-level change.</summary>
public sealed record RiskRequest(string? RiskLevel, string? Note, Guid? Version);

/// <summary>Body of a plan save: goals and items (at least one).</summary>
public sealed record PlanRequest(string? Goals, IReadOnlyList<PlanItemRequest>? Items, Guid? Version);

/// <summary>One planned service: type (API name), what, who, by when (date).</summary>
public sealed record PlanItemRequest(string? ServiceType, string? Description, string? Responsible, string? DueOn);

/// <summary>Body of an approval decision: comment (required when returning).</summary>
public sealed record DecisionRequest(string? Comment, Guid? Version);

/// <summary>Body of a closure request: reason (API name), note, closing assessment, follow-up date.</summary>
public sealed record ClosureRequest(string? Reason, string? Note, string? ClosingAssessment, string? FollowUpOn, Guid? Version);

/// <summary>Body of a service record.</summary>
public sealed record ServiceRequest(string? ServiceType, string? Provider, string? ServedOn, int? DurationMinutes, string? Outcome);

/// <summary>Body of a guardianship measure; a measure recorded with <c>endOn</c> (one already over) names its <c>endReason</c> (<see cref="GuardianshipEndReason"/>) under the same rules as ending it.</summary>
public sealed record MeasureRequest(string? Kind, string? Ground, string? Placement, string? StartOn, string? EndOn, string? Note, string? EndReason = null, string? EndNote = null);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals</c> (API-CONTRACT.md): organisation, reason, due time, what else to share.</summary>
public sealed record SendReferralRequest(Guid? OrganizationId, string? Reason, string? DueAt, string? SharedInformation);

/// <summary>Body of identifying the child of a case opened on an unknown child.</summary>
public sealed record IdentifyChildRequest(Guid? ChildId);
