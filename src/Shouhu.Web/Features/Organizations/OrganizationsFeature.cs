using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Organizations;

/// <summary>Organisations (单位): registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class OrganizationsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateOrganization>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/organizations</c>).</summary>
    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapOrganizationsApi();
        return app;
    }
}
