using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;

namespace Shouhu.Data;

public partial class ShouhuDbContext
{
    /// <summary>
    /// A report that moves (its case moves, its child moves before triage) takes its concern rows along, whoever moved it:
    /// the rows carry the report's region so that counts by concern stay inside the jurisdiction. Reports are loaded with
    /// their concerns (AutoInclude), so the rows are tracked.
    /// </summary>
    private void KeepReportConcernsWithTheirReport()
    {
        var moved = false;
        foreach (var entry in ChangeTracker.Entries<Report>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var concern in entry.Entity.Concerns.Where(c => c.RegionCode != entry.Entity.RegionCode))
            {
                concern.RegionCode = entry.Entity.RegionCode;
                moved = true;
            }
        }

        if (moved)
        {
            ChangeTracker.DetectChanges();
        }
    }
}
