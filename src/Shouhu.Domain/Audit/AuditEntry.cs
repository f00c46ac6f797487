using System.Security.Cryptography;
using System.Text;

namespace Shouhu.Domain.Audit;

/// <summary>
/// One line of the append-only, hash-chained audit trail (DESIGN C13): who did what to which record, when, from where.
/// <see cref="Hash"/> = HMAC-SHA256, under a key kept outside the database, over the previous entry's hash and this entry's
/// fields: removing, inserting or editing any entry breaks the chain from that point on, and without the key nobody can
/// re-hash an edited chain (ADR-002). Never holds names, ID numbers or narratives.
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

    /// <summary>
    /// Computes the hash this entry should carry, from its fields and <see cref="PreviousHash"/>: HMAC-SHA256 under
    /// <paramref name="key"/> (the chain key, at least 32 bytes), 64 lower-case hex characters.
    /// </summary>
    /// <exception cref="ArgumentException">For a key shorter than 32 bytes.</exception>
    public string ComputeHash(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit chain key must have at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        var canonical = string.Join('\u001f',
            PreviousHash, Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            ActorId, ActorName, Action, Entity, EntityId ?? string.Empty, RegionCode, ClientAddress ?? string.Empty, Detail ?? string.Empty);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Shortest chain key accepted (256 bits, the HMAC-SHA256 block of security).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Detail suffix naming the children a list page or export held: <c>children=N:DIGEST</c>, where DIGEST is the SHA-256
    /// (64 hex) of the ids in ordinal order of their 36-character form, one per line. The ids themselves are kept in a side
    /// table (<see cref="AuditChild"/>); the digest puts them under the chain, so a removed or added row is found.
    /// </summary>
    /// <remarks>
    /// Computed over the ids themselves, not their texts: a <see cref="Guid"/> compares its fields unsigned in the order the
    /// <c>D</c> form prints them, in lower-case hex of fixed width, so <see cref="Array.Sort{T}(T[])"/> gives the ordinal order
    /// of the texts; each text is formatted into a 36-byte buffer and hashed incrementally. For an export of 1,000,000
    /// children that holds 16 MB (the ids) instead of some 300 MB of strings.
    /// </remarks>
    public static string ChildrenDetail(IEnumerable<Guid> childIds)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        return ChildrenDetailOfSorted(SortedDistinct(childIds));
    }

    /// <summary><see cref="ChildrenDetail"/> of ids already sorted and distinct (<see cref="SortedDistinct"/>), without copying them.</summary>
    public static string ChildrenDetailOfSorted(IReadOnlyList<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> text = stackalloc byte[36];
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0)
            {
                sha.AppendData("\n"u8);
            }

            ids[i].TryFormat(text, out var written, "D");
            sha.AppendData(text[..written]);
        }

        return $"children={ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    /// <summary>
    /// <paramref name="ids"/> once each, in order: sorted, then equal neighbours dropped — one array, no hash set (for a
    /// million ids, 16 MB rather than three times that).
    /// </summary>
    public static ArraySegment<Guid> SortedDistinct(IEnumerable<Guid> ids)
    {
        var all = ids.ToArray();
        Array.Sort(all);
        var kept = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (kept == 0 || all[i] != all[kept - 1])
            {
                all[kept++] = all[i];
            }
        }

        return new ArraySegment<Guid>(all, 0, kept);
    }

    /// <summary>The <see cref="ChildrenDetail"/> part of <see cref="Detail"/>, or null when the entry lists no children.</summary>
    public string? ChildrenPart() => Detail is { } d && d.LastIndexOf("children=", StringComparison.Ordinal) is var i and >= 0 && (i == 0 || d[i - 1] == ';')
        ? d[i..]
        : null;
}

/// <summary>
/// One child held by a list page or export that an <see cref="AuditEntry"/> records (by its <see cref="Sequence"/>), so
/// the trail of a child shows every list and export it was in. Indexed by child; covered by the entry's digest.
/// </summary>
public class AuditChild
{
    /// <summary>The audit entry's <see cref="AuditEntry.Sequence"/>.</summary>
    public long Sequence { get; set; }

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }
}
