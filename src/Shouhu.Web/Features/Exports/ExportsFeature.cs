using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// Background exports of large lists (ADR-016; issue #12 item 8): the job store, the runner, the progress page and the
/// download. A list takes part by registering an <see cref="IBackgroundExport"/> (the child list does, in its own feature).
/// </summary>
public static class ExportsFeature
{
    /// <summary>Adds the services of this feature.</summary>
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(ExportLimits.From(builder.Configuration));
        services.AddSingleton<ExportFiles>();
        services.AddSingleton<ExportQueue>();
        services.AddSingleton<ExportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportRunner>());
        services.AddScoped<ExportWork>();
        services.AddScoped<StartExport>();
        services.AddScoped<ExportStatusQuery>();
        services.AddScoped<DownloadExport>();
        services.AddScoped<ExportOwner>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Exports", Policies.SignedIn));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/exports</c>).</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapExportsApi();
        return app;
    }
}
