using Shouhu.Web;

// Commands (regions import, audit verify, migrate) run and exit; anything else starts the web application.
if (await ShouhuCommands.TryRunAsync(args))
{
    return;
}

// The content root is the application's own folder, wherever it is started from: static files, appsettings and the
// region data are found; SHOUHU_DATA_DIR (default ./data) stays relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddShouhu();
var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseShouhu();
await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
