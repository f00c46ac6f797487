using Microsoft.EntityFrameworkCore;

namespace Shouhu.Data;

/// <summary>
/// The reviewed reasons to read outside the caller's jurisdiction (ADR-001, ADR-007). Each names what it reads and,
/// in its use case, what little leaves: adding one is a decision recorded in ADR-007's table.
/// </summary>
public enum JurisdictionBypass
{
    /// <summary>The country-wide uniqueness of an ID number, or a name with a birth date (only "exists, ask this level" leaves).</summary>
    DuplicateCheck = 1,

    /// <summary>Whether the child has an open case anywhere (an edit of the residence is refused; the case is not named).</summary>
    OpenCaseCheck,

    /// <summary>The city's last case number of the year (numbering; nothing leaves).</summary>
    CaseNumbering,

    /// <summary>Cases transferred to the caller's jurisdiction and their children, for the receiving side.</summary>
    IncomingTransfer,

    /// <summary>An open referral to the caller's organisation whose case moved away (the referral alone).</summary>
    ReferralAbroad,

    /// <summary>Prevention activities held elsewhere with the child (topic and date only).</summary>
    PreventionElsewhere,

    /// <summary>The audit trail of a child's cases, reports and files, for an administrator (entries inside the jurisdiction only).</summary>
    AuditTrail,

    /// <summary>The audit chain itself, to verify it or anchor its head (system tasks).</summary>
    AuditChain,

    /// <summary>Start-up, commands and demo data, which act for the whole installation.</summary>
    SystemTask,
}

public partial class ShouhuDbContext
{
    /// <summary>
    /// The one way past the jurisdiction filter: <typeparamref name="T"/> unfiltered, for the named
    /// <paramref name="purpose"/>. A caller other than the system leaves an audit entry (<c>Bypass</c>, the purpose and
    /// the kind of record) with the next save, so each use of a bypass is on the trail.
    /// </summary>
    /// <typeparam name="T">The entity set.</typeparam>
    /// <param name="purpose">Why the caller may read beyond its jurisdiction.</param>
    /// <returns>An untracked query of every row.</returns>
    public IQueryable<T> Beyond<T>(JurisdictionBypass purpose)
        where T : class
    {
        if (!Caller.IsSystem)
        {
            RecordAudit("Bypass", typeof(T).Name, null, Caller.JurisdictionCode ?? string.Empty, purpose.ToString());
        }

        return Set<T>().IgnoreQueryFilters().AsNoTracking();
    }
}
