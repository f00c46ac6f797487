using Shouhu.Web.Shared;

// Commands (regions import, audit verify, migrate) run and exit; anything else starts the web application.
if (await ShouhuCommands.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddShouhu();
var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseShouhu();
await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
