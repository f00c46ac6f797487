using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>The audit trail (审计): registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class AuditFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuditChain(builder.Configuration, ShouhuOptions.From(builder.Configuration));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/audit</c>).</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapAuditApi();
        return app;
    }
}
