using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data.Postgres;
using Shouhu.Data.Sqlite;
using Shouhu.Data;
using Shouhu.Web.Features.Accounts;
using Shouhu.Web.Shared;

namespace Shouhu.Web;

/// <summary>Service registration and the request pipeline, kept out of Program.cs.</summary>
public static class ShouhuSetup
{
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
        services.AddScoped<BackgroundCaller>();
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

        services.AddAuthorization(Policies.Add);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Every page declares who may open it (the route inventory test fails on a page without a policy);
            // a feature adds its folders' and pages' narrower policies in its AddX, page models may carry their own [Authorize].
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
        });
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => ReverseProxy.Configure(o, builder.Configuration));
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

        services.AddShouhuRateLimits(builder.Configuration);
        services.AddMemoryCache();
        services.AddSingleton<FormStash>();
        services.AddSingleton<RegionNames>();
        services.AddScoped<ChildFileChanges>();
        // One working calendar shared by the response clocks (Reports) and the verification limit (Children), issue #11 §9.
        services.AddSingleton(WorkingCalendarSettings.From(builder.Configuration));
        services.AddSingleton<WorkingCalendarCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkingCalendarCheck>());
        builder.AddFeatures();
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
        if (ReverseProxy.IsConfigured(app.Configuration))
        {
            app.UseForwardedHeaders(); // first: the client's address and https for everything after (audit, rate limits, Secure cookies)
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorHandling.HandleExceptionAsync });
        app.UseStatusCodePages(ErrorHandling.HandleStatusCodeAsync);
        app.UseHttpLogging();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseNoStoreForPersonalData();
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
        app.MapFeatures();
        return app;
    }
}
