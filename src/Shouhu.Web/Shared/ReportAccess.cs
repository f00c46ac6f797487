using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;

namespace Shouhu.Web.Shared;

/// <summary>
/// Who may read what of a report (报告, DESIGN C3), on top of the jurisdiction filter: the one rule the Reports feature
/// (the report, its police step), the Cases feature (a case's reports and files, the child's case history) and the
/// attachments apply (ADR-008: shared, so no feature reaches into another for it).
/// </summary>
public static class ReportAccess
{
    /// <summary>True when <paramref name="actor"/> may read <paramref name="r"/> (already inside the jurisdiction): report readers (<see cref="Roles.ReportReaders"/>) all, others what they recorded.</summary>
    public static bool CanRead(Report r, Actor actor) => Roles.ReportReaders.Contains(actor.Role) || r.RecordedBy == actor.Id;

    /// <summary>True when <paramref name="actor"/> sees the reporter's identity: triagers (<see cref="Roles.CaseSupervisors"/>) and whoever recorded it.</summary>
    public static bool SeesReporter(Report r, Actor actor) => Roles.CaseSupervisors.Contains(actor.Role) || r.RecordedBy == actor.Id;

    /// <summary>
    /// True when <paramref name="actor"/> may list and download the files of report <paramref name="r"/> (already inside the
    /// jurisdiction), from the report or from its case: a report's files (a call recording, a photo of the caller's ID)
    /// can identify the reporter, so the reporter's confidentiality (mandatory-report rules, DOMAIN.md §2) covers them —
    /// exactly those who see the reporter's identity (<see cref="SeesReporter"/>).
    /// </summary>
    public static bool MaySeeFiles(Report r, Actor actor) => SeesReporter(r, actor);
}
