using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Workbench;

/// <summary>The workbench (工作台): what waits for the signed-in user: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class WorkbenchFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddWorkbench(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkbenchQueries>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/workbench</c>).</summary>
    public static IEndpointRouteBuilder MapWorkbench(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapWorkbenchApi();
        return app;
    }
}
