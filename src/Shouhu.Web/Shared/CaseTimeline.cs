using Shouhu.Domain.Casework;

namespace Shouhu.Web.Shared;

/// <summary>
/// The case timeline's lines and the risk level's API name, shared by the features that write to a case's story — the
/// case's own use cases (<c>Cases/CaseWork</c>), a triage, a referral's reply and an assessment that changes the risk level —
/// so that none of them reaches into another feature for it (ADR-008).
/// </summary>
public static class CaseTimeline
{
    /// <summary>A timeline event of <paramref name="c"/> by <paramref name="actor"/> at <paramref name="at"/> (UTC), about <paramref name="subject"/> (a report, referral, file … or null).</summary>
    public static CaseEvent Event(Case c, Actor actor, CaseEventKind kind, string text, Guid? subject, DateTime at) => new()
    {
        CaseId = c.Id,
        RegionCode = c.RegionCode,
        At = at,
        Kind = kind,
        ActorId = actor.Id,
        ActorName = actor.DisplayName,
        Text = text,
        SubjectId = subject,
    };

    /// <summary>API name of a risk level: <c>high</c>, <c>medium</c>, <c>low</c> or <c>unknown</c>.</summary>
    public static string RiskText(RiskLevel r) => r == RiskLevel.Unknown ? "unknown" : r.ToString().ToLowerInvariant();
}
