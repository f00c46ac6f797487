using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>Alerts (预警): the engine, its schedule and the list: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class AlertsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AlertEngine>();
        builder.Services.AddScoped<ExportAlerts>();
        builder.Services.AddScoped<IChildAlerts>(sp => sp.GetRequiredService<AlertEngine>()); // the shared port (ADR-008)
        builder.Services.AddHostedService<AlertSchedule>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/alerts</c>).</summary>
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapAlertsApi();
        app.MapPageExport("alerts", AlertsApi.ExportAsync, Policies.SignedIn);
        return app;
    }
}
