namespace Shouhu.Data;

/// <summary>
/// What every context of a process needs to extend the audit chain (ADR-002): the HMAC key, kept outside the database,
/// and where anchors (sequence, hash) are written — every <see cref="AnchorEvery"/> entries, besides the periodic and
/// shutdown anchors of the web application. Registered once as a singleton; contexts find it through the application's
/// service provider.
/// </summary>
public sealed class AuditChain
{
    /// <summary>Creates the chain settings.</summary>
    /// <param name="key">HMAC-SHA256 key, at least 32 bytes (<see cref="Shouhu.Domain.Audit.AuditEntry.MinimumKeyBytes"/>).</param>
    /// <param name="anchors">Where anchors go; null writes none.</param>
    /// <param name="anchorEvery">An anchor whenever the chain passes a multiple of this many entries; 0 for none.</param>
    /// <exception cref="ArgumentException">For a key shorter than 32 bytes.</exception>
    public AuditChain(byte[] key, IAuditAnchors? anchors = null, int anchorEvery = 100)
    {
        if (key.Length < Shouhu.Domain.Audit.AuditEntry.MinimumKeyBytes)
        {
            throw new ArgumentException("The audit chain key must have at least 32 bytes.", nameof(key));
        }

        Key = key;
        Anchors = anchors;
        AnchorEvery = Math.Max(0, anchorEvery);
    }

    /// <summary>The HMAC key of the chain.</summary>
    public byte[] Key { get; }

    /// <summary>Where anchors are written, if anywhere.</summary>
    public IAuditAnchors? Anchors { get; }

    /// <summary>Entries between count anchors (0: none).</summary>
    public int AnchorEvery { get; }

    /// <summary>Called after a commit moved the head from <paramref name="before"/> to <paramref name="after"/>.</summary>
    internal void Appended(long before, long after, string hash)
    {
        if (Anchors is not null && AnchorEvery > 0 && after / AnchorEvery > before / AnchorEvery)
        {
            Anchors.Append(after, hash);
        }
    }
}

/// <summary>A second place that keeps (sequence, hash) pairs of the chain's head, so a cut tail or an emptied table is found.</summary>
public interface IAuditAnchors
{
    /// <summary>Records that the chain reached <paramref name="sequence"/> with <paramref name="hash"/>. Never throws.</summary>
    void Append(long sequence, string hash);
}
