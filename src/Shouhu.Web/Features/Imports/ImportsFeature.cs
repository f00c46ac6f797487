using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The baseline-survey import (摸底排查导入, DESIGN C7; issue #12): registers the capability's services, its background
/// runner and endpoints (one place per feature, ADR-008).
/// </summary>
public static class ImportsFeature
{
    /// <summary>Adds the services of this feature.</summary>
    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportRunner>();
        services.AddScoped<ImportWork>();
        services.AddScoped<StartImport>();
        services.AddScoped<ValidateImport>();
        services.AddScoped<ISurveyRowSource, SurveyRowSource>();
        services.AddScoped<ConfirmImport>();
        services.AddScoped<CommitImport>();
        services.AddScoped<ImportStatusQuery>();
        services.AddScoped<ImportMatchesQuery>();
        services.AddScoped<DecideImportRows>();
        services.AddScoped<CorrectImportMapping>();
        services.AddScoped<DownloadImportReport>();
        services.AddSingleton<DownloadTemplate>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Imports", Policies.WriteRegistry));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/imports</c>).</summary>
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapImportsApi();
        return app;
    }
}
