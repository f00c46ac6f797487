using Shouhu.Web.Features.Accounts;
using Shouhu.Web.Features.Alerts;
using Shouhu.Web.Features.Assessments;
using Shouhu.Web.Features.Audit;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Features.Exports;
using Shouhu.Web.Features.Imports;
using Shouhu.Web.Features.SurveyForms;
using Shouhu.Web.Shared;
using Shouhu.Web.Features.Notifications;
using Shouhu.Web.Features.Organizations;
using Shouhu.Web.Features.Prevention;
using Shouhu.Web.Features.Referrals;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Features.Reports;
using Shouhu.Web.Features.Visits;
using Shouhu.Web.Features.Workbench;

namespace Shouhu.Web;

/// <summary>
/// The composition list: the one place, with Program.cs, that names the features (ADR-008). Each feature's
/// <c>AddX</c> registers its services, settings and page rules; its <c>MapX</c> its endpoints.
/// </summary>
public static class ShouhuFeatures
{
    /// <summary>Adds every feature's services.</summary>
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder) => builder
        .AddAccounts()
        .AddOrganizations()
        .AddRegions()
        .AddChildren()
        .AddImports()
        .AddExports()
        .AddSurveyForms()
        .AddAudit()
        .AddReports()
        .AddCases()
        .AddReferrals()
        .AddAssessments()
        .AddVisits()
        .AddAlerts()
        .AddWorkbench()
        .AddPrevention()
        .AddNotifications();

    /// <summary>Maps every feature's endpoints (the API under <c>/api/v1</c>, and the few page-side routes).</summary>
    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app) => app
        .MapAccounts()
        .MapOrganizations()
        .MapRegions()
        .MapChildren()
        .MapImports()
        .MapExports()
        .MapSurveyForms()
        .MapAudit()
        .MapReports()
        .MapCases()
        .MapReferrals()
        .MapAssessments()
        .MapVisits()
        .MapAlerts()
        .MapWorkbench()
        .MapPrevention()
        .MapNotifications();
}
