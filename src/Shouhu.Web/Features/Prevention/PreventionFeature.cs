using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Prevention;

/// <summary>Prevention activities (预防): registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class PreventionFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddPrevention(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PreventionActivities>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/prevention</c>).</summary>
    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapPreventionApi();
        return app;
    }
}
