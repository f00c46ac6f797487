using Shouhu.Domain.Regions;

namespace Shouhu.Data;

/// <summary>
/// Who is asking, as the data layer needs it: the jurisdiction that scopes every query of personal data, and the
/// actor written into the audit trail. Resolved once per request (or set explicitly for start-up and commands).
/// </summary>
public interface ICallerContext
{
    /// <summary>The caller's scope.</summary>
    CallerScope Scope { get; }
}

/// <summary>
/// A caller's identity and jurisdiction. <see cref="System"/> (start-up, seeding, commands) sees every region;
/// <see cref="Nobody"/> (anonymous) sees none; a user sees the subtree of <see cref="JurisdictionCode"/>.
/// </summary>
public sealed record CallerScope(string ActorId, string ActorName, string? JurisdictionCode, bool IsSystem, string? ClientAddress)
{
    /// <summary>The application itself: every region.</summary>
    public static readonly CallerScope System = new("system", "system", null, true, null);

    /// <summary>An anonymous caller: no region at all.</summary>
    public static readonly CallerScope Nobody = new("anonymous", "anonymous", null, false, null);

    /// <summary>True when a record of <paramref name="regionCode"/> lies inside this caller's jurisdiction.</summary>
    public bool CanSee(string? regionCode) => IsSystem || (HasJurisdiction && RegionCode.IsWithin(regionCode, JurisdictionCode));

    /// <summary>True when <see cref="JurisdictionCode"/> is a well-formed region code; an empty or malformed one sees nothing.</summary>
    public bool HasJurisdiction => RegionCode.IsWellFormed(JurisdictionCode);
}

/// <summary>A fixed caller, for commands, seeding and design-time tools.</summary>
public sealed class FixedCallerContext(CallerScope scope) : ICallerContext
{
    /// <inheritdoc/>
    public CallerScope Scope { get; } = scope;
}
