using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Audit;

namespace Shouhu.Web.Features.Audit;

/// <summary>
/// Walks the whole audit chain in sequence order and reports the first broken link (ADR-002): a gap, a wrong link, a hash
/// that is not the HMAC of the entry under the chain key (an edit, re-hashed or not, by anyone without the key), a list or
/// export whose stored children do not match the digest in its detail, or a chain that ends before — or differs at — an
/// anchor of <see cref="AuditAnchorLog"/> (a cut tail, an emptied table).
/// </summary>
public sealed class AuditVerifier(ShouhuDbContext db, AuditChain chain, AuditAnchorLog anchorLog)
{
    /// <summary>Outcome: intact, or the sequence number of the first entry whose link, hash or anchor is wrong.</summary>
    public sealed record Report(bool IsIntact, long Checked, long? FirstBrokenSequence, string Message);

    /// <summary>Verifies every entry (reads in pages of 5,000; the trail is never loaded whole).</summary>
    public async Task<Report> VerifyAsync(CancellationToken ct = default)
    {
        var anchors = anchorLog.ReadAll().GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.Select(a => a.Hash).ToHashSet(StringComparer.Ordinal));
        var previousHash = AuditEntry.GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        while (true)
        {
            var page = await db.Beyond<Shouhu.Domain.Audit.AuditEntry>(JurisdictionBypass.AuditChain)
                .Where(a => a.Sequence >= expectedSequence)
                .OrderBy(a => a.Sequence)
                .Take(5000)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                var last = expectedSequence - 1;
                if (anchors.Keys.Where(s => s > last).DefaultIfEmpty(0).Max() is var anchored and > 0)
                {
                    return new Report(false, checkedCount, last + 1,
                        $"审计链断裂：锚点文件记录审计链已到第 {anchored} 条，数据库中只到第 {last} 条（尾部或全部记录被删除）。此前 {checkedCount} 条完好。");
                }

                return new Report(true, checkedCount, null,
                    $"审计链完整：共校验 {checkedCount} 条，与 {anchors.Count} 个锚点相符。最后一条：序号 {last}，哈希 {previousHash}。");
            }

            var listed = await ListedChildrenAsync(page, ct);
            foreach (var entry in page)
            {
                string? problem = null;
                if (entry.Sequence != expectedSequence)
                {
                    problem = $"缺少序号 {expectedSequence} 的记录（下一条为 {entry.Sequence}）";
                }
                else if (entry.PreviousHash != previousHash)
                {
                    problem = "前一条哈希不符（前面的记录被删除、插入或修改）";
                }
                else if (entry.ComputeHash(chain.Key) != entry.Hash)
                {
                    problem = "本条内容与密钥哈希不符（记录被修改）";
                }
                else if (anchors.TryGetValue(entry.Sequence, out var anchored) && !anchored.Contains(entry.Hash))
                {
                    problem = "与锚点文件中该序号的哈希不符（记录被替换）";
                }
                else if (entry.ChildrenPart() is { } part
                    && part != AuditEntry.ChildrenDetail(listed.TryGetValue(entry.Sequence, out var ids) ? ids : []))
                {
                    problem = "所列儿童与本条摘要不符（儿童名单被修改）";
                }

                if (problem is not null)
                {
                    return new Report(false, checkedCount, expectedSequence, $"审计链断裂：第 {expectedSequence} 条，{problem}。此前 {checkedCount} 条完好。");
                }

                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }

    // The children stored for the page's list and export entries, by sequence.
    private async Task<Dictionary<long, List<Guid>>> ListedChildrenAsync(List<AuditEntry> page, CancellationToken ct)
    {
        var first = page[0].Sequence;
        var last = page[^1].Sequence;
        var rows = await db.AuditChildren.AsNoTracking()
            .Where(c => c.Sequence >= first && c.Sequence <= last)
            .Select(c => new { c.Sequence, c.ChildId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Sequence).ToDictionary(g => g.Key, g => g.Select(r => r.ChildId).ToList());
    }
}
