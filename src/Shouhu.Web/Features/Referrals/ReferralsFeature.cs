using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>Referrals (转介): the receiving organisation's inbox: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class ReferralsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ReferralInbox>();
        services.AddScoped<ExportReferrals>();
        services.AddScoped<ReferralsAbroad>();
        services.AddScoped<AddReferralFile>();
        // Per-record rules as resource handlers (STYLE.md): the referral receiver.
        services.AddSingleton<IAuthorizationHandler, ReferralReceiverHandler>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Referrals", Policies.Referrals));
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/referrals</c>).</summary>
    public static IEndpointRouteBuilder MapReferrals(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapReferralsApi();
        app.MapPageExport("referrals", ReferralsApi.ExportAsync, Policies.Referrals);
        return app;
    }
}
