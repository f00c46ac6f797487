namespace Shouhu.Web.Features.Exports;

/// <summary>
/// Exports (导出, issue #12 item 8; ADR-011): the one streamed .xlsx writer (<see cref="XlsxStreamWriter"/>) and the way an
/// export is answered and audited (<see cref="ExportFile"/>). Each list maps its own <c>…/export</c> beside its list, on
/// its own route group — so it carries the list's policy — and with the list's own query; they use this feature, it
/// names none of them (ADR-008).
/// </summary>
public static class ExportsFeature
{
    /// <summary>Adds the services and settings of this feature: none yet (the writer is stateless).</summary>
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder) => builder;

    /// <summary>Maps the endpoints of this feature: none of its own — every <c>/api/v1/{list}/export</c> is mapped by its list.</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app) => app;
}
