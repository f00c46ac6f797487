using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Audit;

namespace Shouhu.Web.Features.Audit;

/// <summary>Walks the whole audit chain in sequence order and reports the first broken link.</summary>
public sealed class AuditVerifier(ShouhuDbContext db)
{
    /// <summary>Outcome: intact, or the sequence number of the first entry whose link or hash is wrong.</summary>
    public sealed record Report(bool IsIntact, long Checked, long? FirstBrokenSequence, string Message);

    /// <summary>Verifies every entry (reads in pages of 5,000; the trail is never loaded whole).</summary>
    public async Task<Report> VerifyAsync(CancellationToken ct = default)
    {
        var previousHash = AuditEntry.GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        while (true)
        {
            var page = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Sequence >= expectedSequence)
                .OrderBy(a => a.Sequence)
                .Take(5000)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                // A cut-off tail leaves a valid chain: compare the last sequence and hash with a copy kept elsewhere.
                return new Report(true, checkedCount, null, $"审计链完整：共校验 {checkedCount} 条。最后一条：序号 {expectedSequence - 1}，哈希 {previousHash}（请与另行保存的记录核对，以发现尾部被截断）。");
            }

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
                else if (entry.ComputeHash() != entry.Hash)
                {
                    problem = "本条内容与哈希不符（记录被修改）";
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
}
