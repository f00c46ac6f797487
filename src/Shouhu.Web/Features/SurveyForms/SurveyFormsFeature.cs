using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>
/// The official layouts of the 2016 survey (民发〔2016〕42号 附件2 花名册, 附件3 汇总表; issue #12 item 8): registers the
/// capability's services and endpoints (one place per feature, ADR-008). Its page is <c>/SurveyForms</c> (报表).
/// </summary>
public static class SurveyFormsFeature
{
    /// <summary>Adds the services of this feature.</summary>
    public static WebApplicationBuilder AddSurveyForms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<LeftBehindSummaryQuery>();
        services.AddScoped<WriteLeftBehindSummary>();
        services.AddScoped<WriteLeftBehindRoster>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/forms</c>).</summary>
    public static IEndpointRouteBuilder MapSurveyForms(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapSurveyFormsApi();
        return app;
    }
}
