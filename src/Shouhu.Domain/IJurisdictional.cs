namespace Shouhu.Domain;

/// <summary>
/// A record that belongs to a region and so to every jurisdiction containing it. Every table holding personal
/// data implements this; the data layer scopes every query of such a table to the caller's region subtree.
/// </summary>
public interface IJurisdictional
{
    /// <summary>The NBS code of the region the record belongs to (for a child: the residence village).</summary>
    string RegionCode { get; }
}

/// <summary>A record whose creation, change and deletion are written to the audit trail automatically.</summary>
public interface IAudited : IJurisdictional
{
    /// <summary>The record's identifier as it appears in the audit trail.</summary>
    Guid Id { get; }
}

/// <summary>
/// A record that is part of a child's file (guardian, category, entrusted care): audited automatically, and its audit
/// entries name the child, so the trail of one child shows every change to its file.
/// </summary>
public interface IChildPart : IJurisdictional
{
    /// <summary>The record's own identifier.</summary>
    Guid Id { get; }

    /// <summary>The child whose file it belongs to.</summary>
    Guid ChildId { get; }
}

/// <summary>
/// A record that is part of a case file (timeline event, plan, service, referral, measure, document): audited automatically,
/// its audit entries naming the case, so the trail of one case shows every step.
/// </summary>
public interface ICasePart : IJurisdictional
{
    /// <summary>The record's own identifier.</summary>
    Guid Id { get; }

    /// <summary>The case it belongs to.</summary>
    Guid CaseId { get; }
}
