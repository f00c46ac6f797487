using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>Reports (报告) and their triage: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class ReportsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The response clocks count working days on the one shared calendar (ShouhuSetup, issue #11 §9).
        services.AddSingleton(sp => ResponseClockSettings.From(builder.Configuration, sp.GetRequiredService<Domain.Time.WorkingCalendar>()));
        services.AddScoped<RecordReport>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ExportReports>();
        services.AddScoped<TriageReport>();
        services.AddScoped<RecordPoliceReport>();
        services.AddScoped<RecordPoliceFeedback>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Reports/Index", Policies.ReadReports);
            o.Conventions.AuthorizePage("/Reports/Details", Policies.ReadReports);
        });
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/reports</c>).</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapReportsApi();
        app.MapPageExport("reports", ReportsApi.ExportAsync, Policies.ReadReports);
        return app;
    }
}
