using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>Visits (走访) and their schedule: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class VisitsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddVisits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(MonitoringSettings.From(builder.Configuration));
        services.AddScoped<RecordVisit>();
        services.AddScoped<VisitPlanner>();
        services.AddScoped<IVisitSchedules>(sp => sp.GetRequiredService<VisitPlanner>()); // the shared port (ADR-008)
        services.AddScoped<DueVisitList>();
        services.AddScoped<ExportDueVisits>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Visits/New", Policies.Monitor));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/children/{id}/visits</c>, <c>/api/v1/visits/due</c>).</summary>
    public static IEndpointRouteBuilder MapVisits(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapVisitsApi();
        app.MapPageExport("visits-due", VisitsApi.ExportDueAsync, Policies.ReadRegistry);
        return app;
    }
}
