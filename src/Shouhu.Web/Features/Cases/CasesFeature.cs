using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Cases (个案): the case file, its plan, services, documents and transfers: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class CasesFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseStaff>();
        services.AddScoped<OpenCase>();
        services.AddScoped<CaseWork>();
        services.AddScoped<ChangeCaseStatus>();
        services.AddScoped<AddCaseNote>();
        services.AddScoped<SetCaseRisk>();
        services.AddScoped<AssignCase>();
        services.AddScoped<RequestCaseTransfer>();
        services.AddScoped<AcceptCaseTransfer>();
        services.AddScoped<IdentifyCaseChild>();
        services.AddScoped<SaveCasePlan>();
        services.AddScoped<SubmitCasePlan>();
        services.AddScoped<DecideCasePlan>();
        services.AddScoped<RequestCaseClosure>();
        services.AddScoped<DecideCaseClosure>();
        services.AddScoped<RecordCaseService>();
        services.AddScoped<RecordGuardianshipMeasure>();
        services.AddScoped<EndGuardianshipMeasure>();
        services.AddScoped<GuardianshipChecks>();
        services.AddScoped<SendReferral>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<ExportCases>();
        services.AddScoped<Attachments>();
        services.AddScoped<RegionTransfer>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Cases", Policies.Casework));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/cases</c>, <c>/api/v1/attachments</c>, the pages' <c>/Cases/File/{id}</c>).</summary>
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapCasesApi();
        app.MapPageExport("cases", CasesApi.ExportAsync, Policies.Casework);
        // Attachments for the pages (cookie), the same handler as /api/v1/attachments/{id}.
        app.MapGet("/Cases/File/{id:guid}", CasesApi.DownloadAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
