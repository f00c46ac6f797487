using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Regions;

/// <summary>Regions (行政区划): registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class RegionsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddRegions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegionImporter>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/regions</c>).</summary>
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapRegionsApi();
        return app;
    }
}
