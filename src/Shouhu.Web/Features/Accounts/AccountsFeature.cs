using Microsoft.AspNetCore.Identity;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary>
/// Accounts (账号): registers ASP.NET Core Identity, the cookie-or-bearer sign-in, the account use cases and
/// <c>/api/v1/auth</c>, <c>/api/v1/users</c> (one place per feature, ADR-008).
/// </summary>
public static class AccountsFeature
{
    /// <summary>The policy scheme that picks bearer tokens (API clients) or the Identity cookie (pages).</summary>
    public const string SmartScheme = "Shouhu";

    /// <summary>Adds Identity, authentication and the account services.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<ShouhuUser>(o =>
            {
                // Length is checked with the classes by ThreeOfFourClassesPasswordValidator (one message, not two).
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShouhuDbContext>()
            .AddSignInManager<ShouhuSignInManager>()
            .AddClaimsPrincipalFactory<ShouhuClaimsFactory>()
            .AddPasswordValidator<ThreeOfFourClassesPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // The API takes bearer tokens only (no cookie, so no cross-site request can use a browser's session there);
            // pages take the Identity cookie.
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") || BearerToken(ctx.Request) is not null
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                // The handler itself reads only "Bearer " as written; RFC 9110 §11.1: the scheme is case-insensitive.
                o.Events.OnMessageReceived = ctx =>
                {
                    ctx.Token = BearerToken(ctx.Request);
                    return Task.CompletedTask;
                };
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "shouhu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/Denied";
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // A changed password or a lockout ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<CreateUser>();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<DummyPasswordHash>();
        return builder;
    }

    /// <summary>Maps the endpoints of this feature.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapAccountsApi();
        return app;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, the scheme in any letter case (RFC 9110 §11.1); null without one.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        return header.Length > 7 && header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(header[6])
            ? header[7..].Trim()
            : null;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
