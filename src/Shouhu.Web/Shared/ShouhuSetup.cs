using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Data.Postgres;
using Shouhu.Data.Sqlite;
using Shouhu.Web.Features.Accounts;
using Shouhu.Web.Features.Audit;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Features.Organizations;
using Shouhu.Web.Features.Regions;

namespace Shouhu.Web.Shared;

/// <summary>Service registration and the request pipeline, kept out of Program.cs.</summary>
public static class ShouhuSetup
{
    /// <summary>The policy scheme that picks bearer tokens (API clients) or the Identity cookie (pages).</summary>
    public const string SmartScheme = "Shouhu";

    /// <summary>Registers every service Shouhu needs.</summary>
    public static WebApplicationBuilder AddShouhu(this WebApplicationBuilder builder)
    {
        var options = ShouhuOptions.From(builder.Configuration);
        // API-CONTRACT.md: ASPNETCORE_URLS or --urls decide where to listen; only when neither is given, 127.0.0.1:5080.
        // (A "Urls" in appsettings.json would override the environment variable, so the default lives here.)
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
            && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Keys that protect cookies and tokens live with the data (not in the service account's home), so a restart or a
        // move of the data folder keeps users signed in, and the keys are backed up with the database.
        services.AddDataProtection().SetApplicationName("Shouhu")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.DataDirectory), "keys")));
        services.AddScoped<ICallerContext, HttpCallerContext>();
        services.AddDbContext<ShouhuDbContext>(o => ConfigureDatabase(o, options));

        builder.Logging.ClearProviders();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = false;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        // Set in code, not only in appsettings: whatever the content root, no framework line may carry a query string
        // (names, ID numbers) or an exception message quoting the request. Our own request log is the HttpLogging one.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Mvc", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 10 * 1024 * 1024);

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
        services.AddAuthorization(Policies.Add);
        // A changed password or a lockout ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Every page declares who may open it (the route inventory test fails on a page without a policy);
            // page models that need a narrower policy carry their own [Authorize] attribute.
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            o.Conventions.AuthorizeFolder("/Cases", Policies.Casework);
            o.Conventions.AuthorizeFolder("/Referrals", Policies.Referrals);
            o.Conventions.AuthorizePage("/Reports/Index", Policies.ReadReports);
            o.Conventions.AuthorizePage("/Reports/Details", Policies.ReadReports);
            o.Conventions.AuthorizePage("/Assessments/New", Policies.Monitor);
            o.Conventions.AuthorizePage("/Visits/New", Policies.Monitor);
        });
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Shouhu 守护 API";
            doc.Info.Description = "未成年人社会保护信息系统 — JSON under /api/v1, errors as RFC 9457 problem details. Get a token from POST /api/v1/auth/token and send Authorization: Bearer <accessToken>.";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/v1/auth/token → accessToken",
            };
            doc.Security ??= [];
            doc.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            return Task.CompletedTask;
        }));
        services.AddHttpLogging(o =>
        {
            // Method, path, status and duration only: query strings and bodies can carry names and ID numbers.
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });

        services.AddScoped<RegionImporter>();
        services.AddSingleton<RegionNames>();
        services.AddScoped<CreateUser>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<RegisterChild>();
        services.AddScoped<ChildQueries>();
        services.AddScoped<DuplicateCheck>();
        services.AddScoped<UpdateChild>();
        services.AddScoped<GuardianEdits>();
        services.AddScoped<CategoryEdits>();
        services.AddSingleton(VerificationSettings.From(builder.Configuration));
        services.AddSingleton(RegisterSettingsConfig.From(builder.Configuration));
        services.AddScoped<ChildExport>();
        services.AddAuditChain(builder.Configuration, options);
        services.AddShouhuRateLimits(builder.Configuration);
        services.AddSingleton(ResponseClockSettings.From(builder.Configuration));
        services.AddScoped<Features.Reports.RecordReport>();
        services.AddScoped<Features.Reports.ReportQueries>();
        services.AddScoped<Features.Reports.TriageReport>();
        services.AddScoped<Features.Cases.CaseStaff>();
        services.AddScoped<Features.Cases.CaseCommands>();
        services.AddScoped<Features.Cases.CaseQueries>();
        services.AddScoped<Features.Cases.Attachments>();
        services.AddScoped<Features.Cases.RegionTransfer>();
        services.AddSingleton(MonitoringSettings.From(builder.Configuration));
        services.AddScoped<Features.Assessments.Instruments>();
        services.AddScoped<Features.Assessments.AssessChild>();
        services.AddScoped<Features.Visits.RecordVisit>();
        services.AddScoped<Features.Visits.VisitPlanner>();
        services.AddScoped<Features.Assessments.ChildMonitoring>();
        services.AddScoped<Features.Alerts.AlertEngine>();
        services.AddScoped<Features.Workbench.WorkbenchQueries>();
        services.AddScoped<Features.Prevention.PreventionActivities>();
        services.AddSingleton<Features.Notifications.INotificationChannel, Features.Notifications.OutboxChannel>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddMemoryCache();
        services.AddSingleton<FormStash>();
        services.AddHostedService<Features.Alerts.AlertSchedule>();
        services.AddScoped<Features.Referrals.ReferralInbox>();
        services.AddScoped<Features.Referrals.ReferralsAbroad>();
        // Per-record rules as resource handlers (STYLE.md): the referral receiver.
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Referrals.ReferralReceiverHandler>();
        return builder;
    }

    /// <summary>Configures EF Core for the chosen provider with its own migrations assembly.</summary>
    public static void ConfigureDatabase(DbContextOptionsBuilder builder, ShouhuOptions options)
    {
        var typed = (DbContextOptionsBuilder<ShouhuDbContext>)builder;
        if (options.IsPostgres)
        {
            PostgresDesignTimeFactory.Configure(typed, options.ConnectionString);
        }
        else
        {
            SqliteDesignTimeFactory.Configure(typed, options.ConnectionString);
        }
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UseShouhu(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorHandling.HandleExceptionAsync });
        app.UseStatusCodePages(ErrorHandling.HandleStatusCodeAsync);
        app.UseHttpLogging();
        // Files are served with the type found in their content; browsers must not guess another (an "image" that is HTML).
        app.Use((ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            return next(ctx);
        });
        app.UseStaticFiles();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Shouhu v1");
            o.DocumentTitle = "Shouhu API";
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccountStillValid();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/healthz", async (ShouhuDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unavailable", statusCode: 503))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        // Attachments for the pages (cookie), the same handler as /api/v1/attachments/{id}.
        app.MapGet("/Cases/File/{id:guid}", Features.Cases.CasesApi.DownloadAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.MapAccountsApi();
        api.MapOrganizationsApi();
        api.MapRegionsApi();
        api.MapChildrenApi();
        api.MapAuditApi();
        Features.Reports.ReportsApi.MapReportsApi(api);
        Features.Cases.CasesApi.MapCasesApi(api);
        Features.Referrals.ReferralsApi.MapReferralsApi(api);
        Features.Assessments.MonitoringApi.MapMonitoringApi(api);
        Features.Alerts.AlertsApi.MapAlertsApi(api);
        Features.Workbench.WorkbenchApi.MapWorkbenchApi(api);
        Features.Prevention.PreventionApi.MapPreventionApi(api);
        Features.Notifications.NotificationsApi.MapNotificationsApi(api);
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
