using System.Security.Cryptography;
using System.Text;

namespace Shouhu.Domain.Audit;

/// <summary>
/// One line of the append-only, hash-chained audit trail (DESIGN C13): who did what to which record, when, from where.
/// <see cref="Hash"/> = SHA-256 over the previous entry's hash and this entry's fields, so removing, inserting or
/// editing any entry breaks the chain from that point on. Never holds names, ID numbers or narratives.
/// </summary>
public class AuditEntry : IJurisdictional
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Position in the chain, 1, 2, 3 … without gaps; unique.</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC, whole microseconds: the precision both databases keep, so the hash survives a round trip).</summary>
    public DateTime At { get; set; }

    /// <summary>Truncates an instant to whole microseconds (PostgreSQL's timestamp precision).</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Account id of the actor, or <c>system</c>.</summary>
    public required string ActorId { get; set; }

    /// <summary>Account name of the actor.</summary>
    public required string ActorName { get; set; }

    /// <summary>What was done: Create, Update, Delete, View, List, Export, Login, Approve…</summary>
    public required string Action { get; set; }

    /// <summary>Kind of record, e.g. Child.</summary>
    public required string Entity { get; set; }

    /// <summary>Identifier of the record, if one.</summary>
    public string? EntityId { get; set; }

    /// <summary>The region of the record (for jurisdiction scoping of the trail itself).</summary>
    public required string RegionCode { get; set; }

    /// <summary>Client IP address.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>Outcome or small non-personal detail (field names changed, filter used…).</summary>
    public string? Detail { get; set; }

    /// <summary>Hash of the previous entry (64 hex characters; all zeros for the first).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>This entry's hash (64 hex characters).</summary>
    public required string Hash { get; set; }

    /// <summary>Hash of the first entry's predecessor.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Computes the hash this entry should carry, from its fields and <see cref="PreviousHash"/>.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            PreviousHash, Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            ActorId, ActorName, Action, Entity, EntityId ?? string.Empty, RegionCode, ClientAddress ?? string.Empty, Detail ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
