using System.Text.Json;
using Shouhu.Web.Features.Exports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>What a background child-list export keeps (<see cref="Domain.Exports.ExportJob.Parameters"/>): the filter and the request to the output policy.</summary>
public sealed record ChildExportParameters(ChildFilter Filter, bool FullIdNumbers, bool IncludeCategories, string? Purpose);

/// <summary>
/// The child list's export in the background (ADR-016): <see cref="ChildExport"/> with the stored filter, the output policy
/// applied again for the role the job was asked in (a request it no longer grants is refused, nothing written).
/// </summary>
public sealed class ChildBackgroundExport(ChildExport export) : IBackgroundExport
{
    /// <summary>The list's name in the job.</summary>
    public const string ListName = "children";

    /// <inheritdoc/>
    public string List => ListName;

    /// <summary>
    /// Queues the export of <paramref name="filter"/> (already checked) for the caller, with the request already granted
    /// for <paramref name="role"/>; null when the caller has too many running (<see cref="StartExport.TooMany"/>).
    /// </summary>
    public static Task<Domain.Exports.ExportJob?> StartAsync(StartExport start, ChildFilter filter, ExportRequest request, string role, long rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(request);
        return start.StartAsync(ListName, new ChildExportParameters(filter, request.FullIdNumbers, request.IncludeCategories, request.Purpose), role, rows,
            request.FullIdNumbers ? "儿童名册-含完整号码" : "儿童名册", ct);
    }

    /// <inheritdoc/>
    public async Task<long> WriteAsync(string parameters, string role, Stream output, ExportProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<ChildExportParameters>(parameters, ExportJson.Options)
            ?? throw new ExportRefusedException("导出的条件无法读取，请重新导出");
        if (p.Filter.Problems() is { IsEmpty: false })
        {
            throw new ExportRefusedException("导出的筛选条件有误，请重新导出");
        }

        var (view, forbidden, purposeProblem, stated) = PersonalDataPolicy.ForExport(role, new ExportRequest(p.FullIdNumbers, p.IncludeCategories, p.Purpose));
        if (forbidden is not null || purposeProblem is not null)
        {
            throw new ExportRefusedException(forbidden ?? purposeProblem!);
        }

        return await export.WriteInBackgroundAsync(p.Filter, view, stated, output, progress, ct);
    }
}
