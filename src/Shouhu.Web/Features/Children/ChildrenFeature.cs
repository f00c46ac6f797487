using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The child register (儿童和家庭基本信息数据库): registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class ChildrenFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddChildren(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RegisterChild>();
        services.AddScoped<ChildQueries>();
        services.AddScoped<DuplicateCheck>();
        services.AddScoped<UpdateChild>();
        services.AddScoped<GuardianEdits>();
        services.AddScoped<CategoryEdits>();
        services.AddSingleton(VerificationSettings.From(builder.Configuration));
        services.AddSingleton(RegisterSettingsConfig.From(builder.Configuration));
        services.AddScoped<ChildExport>();
        services.AddScoped<Exports.IBackgroundExport, ChildBackgroundExport>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/children</c>).</summary>
    public static IEndpointRouteBuilder MapChildren(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapChildrenApi();
        return app;
    }
}
