using Microsoft.EntityFrameworkCore;
using Shouhu.Data;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// Tells PostgreSQL's planner about the rows a dry run has just written. Until autovacuum samples the table, the planner
/// believes <c>ImportJobRows</c> as small as it was, and reads it from end to end for each batch of the commit and each
/// page of problems (about 0.1 s a read at 100,000 rows, against 3 ms through the index; docs/performance.md
/// "Survey import"). SQLite chooses its indexes without statistics: nothing to do there.
/// </summary>
public static class ImportRowStatistics
{
    /// <summary>Runs <c>ANALYZE "ImportJobRows"</c> on PostgreSQL (a sample of the table, well under a second); nothing on SQLite.</summary>
    public static async Task RefreshAsync(ShouhuDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "ImportJobRows" """, ct);
        }
    }
}
