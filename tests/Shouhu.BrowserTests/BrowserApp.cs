using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Shouhu.BrowserTests;

/// <summary>
/// Shouhu on a real Kestrel port (fresh SQLite database, Changde regions) and one Debian Chromium for the whole
/// collection; each test opens its own browser context. Screenshots go to <c>artifacts/screenshots</c>.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Browser#Admin2026";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shouhu-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public BrowserApp() => this.UseKestrel(0);

    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are kept: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shouhu.slnx")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDir);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Shouhu", $"Data Source={Path.Combine(_dataDir, "shouhu.db")}");
        builder.UseSetting("SHOUHU_DATA_DIR", _dataDir);
        builder.UseSetting("SHOUHU_CITY", "4307");
        builder.UseSetting("SHOUHU_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Alerts:IntervalMinutes", "0");
        builder.UseSetting("RateLimits:SignInsPerMinute", "1000000"); // the journeys sign in from one address
        builder.UseSetting("Exports:PageDirectRows", "1000"); // the import journey's register (≈1,450) exports in the background
        // Only warnings and errors: appsettings.json names the request log at Information, which would bury a failure's
        // message under thousands of request lines in CI's output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context (its own cookies) on a phone-sized or desktop viewport, in <paramref name="locale"/> (a browser language).</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The password the journeys give the accounts they create.</summary>
    public const string WorkerPassword = "Worker#2026x";

    /// <summary>An API client signed in as <paramref name="userName"/> (bearer token), for arranging a journey's data.</summary>
    public async Task<HttpClient> ApiAsync(string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A fresh page logged in through the login form as <paramref name="userName"/> (password <see cref="WorkerPassword"/>), on the workbench.</summary>
    public async Task<IPage> LoginAsync(string userName, bool phone = false, string locale = "zh-CN")
    {
        var page = await NewPageAsync(phone, locale);
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("账号").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(WorkerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        return page;
    }

    /// <summary>Saves a full-page screenshot named <paramref name="name"/>.png.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
