using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// One turn of the background runner for one import, in a scope of its own that acts as the import's importer
/// (<see cref="BackgroundCaller"/>): the dry run while <see cref="ImportStatus.Validating"/>, the commit while
/// <see cref="ImportStatus.Committing"/>, nothing otherwise.
/// </summary>
public sealed class ImportWork(IServiceProvider services, BackgroundCaller caller)
{
    /// <summary>Runs what import <paramref name="jobId"/>'s status asks for.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        ImportStatus status;
        await using (var system = SystemDatabase.NewSystemContext(services))
        {
            var job = await system.ImportJobs.AsNoTracking().Where(j => j.Id == jobId)
                .Select(j => new { j.Status, j.CreatedBy, j.CreatedByName, j.RegionCode }).FirstOrDefaultAsync(ct);
            if (job is null)
            {
                return;
            }

            status = job.Status;
            caller.ActAs(new CallerScope(job.CreatedBy, job.CreatedByName, job.RegionCode, IsSystem: false, ClientAddress: null));
        }

        switch (status)
        {
            case ImportStatus.Validating:
                await services.GetRequiredService<ValidateImport>().RunAsync(jobId, ct);
                break;
            case ImportStatus.Committing:
                await services.GetRequiredService<CommitImport>().RunAsync(jobId, ct);
                break;
        }
    }
}
