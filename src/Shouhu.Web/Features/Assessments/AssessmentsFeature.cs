using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>Assessments (评估) with the city's instruments: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class AssessmentsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Instruments>();
        services.AddScoped<AssessChild>();
        services.AddScoped<ChildMonitoring>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Assessments/New", Policies.Monitor));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/assessment-instruments</c>, <c>/api/v1/children/{id}/assessments</c>).</summary>
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapAssessmentsApi();
        return app;
    }
}
