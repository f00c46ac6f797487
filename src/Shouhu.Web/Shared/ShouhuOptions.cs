namespace Shouhu.Web.Shared;

/// <summary>Start-up configuration (names fixed by API-CONTRACT.md "Start-up").</summary>
public sealed class ShouhuOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c> — from <c>Database__Provider</c>.</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>Connection string — from <c>ConnectionStrings__Shouhu</c>; default a SQLite file in <see cref="DataDirectory"/>.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>Folder for the SQLite database and uploads — from <c>SHOUHU_DATA_DIR</c>, default <c>./data</c>.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Region codes seeded at first start — from <c>SHOUHU_CITY</c> (comma-separated), default <c>4307</c> (Changde).</summary>
    public IReadOnlyList<string> Cities { get; init; } = ["4307"];

    /// <summary>Password of the <c>admin</c> account created at first start — from <c>SHOUHU_ADMIN_PASSWORD</c>; random and printed once when unset.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>Apply migrations at start-up — <c>Database__MigrateOnStartup</c>, default true (SQLite always migrates).</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>
    /// Console logs as structured JSON lines (one object per event, for a log collector) — <c>Logging__Format=json</c>;
    /// default <c>simple</c>: one readable line per event, and a short <c>[守护] …</c> line per first-start step.
    /// </summary>
    public bool JsonLogs { get; init; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options from configuration (environment variables, appsettings, command line).</summary>
    /// <exception cref="InvalidOperationException">For an unknown provider or a city code that is no region code.</exception>
    public static ShouhuOptions From(IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "sqlite";
        if (provider is not ("sqlite" or "postgres" or "postgresql"))
        {
            throw new InvalidOperationException($"Database__Provider must be 'sqlite' or 'postgres', not '{provider}'.");
        }

        var dataDir = config["SHOUHU_DATA_DIR"] is { Length: > 0 } d ? d : "data";
        var cities = (config["SHOUHU_CITY"] is { Length: > 0 } c ? c : "4307")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var city in cities)
        {
            if (!Domain.Regions.RegionCode.IsWellFormed(city))
            {
                throw new InvalidOperationException($"SHOUHU_CITY: '{city}' is not a region code (2, 4, 6, 9 or 12 digits).");
            }
        }

        var isPg = provider.StartsWith("postgres", StringComparison.Ordinal);
        var cs = config.GetConnectionString("Shouhu");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (isPg)
            {
                throw new InvalidOperationException("Database__Provider=postgres needs ConnectionStrings__Shouhu.");
            }

            cs = $"Data Source={Path.Combine(dataDir, "shouhu.db")}";
        }

        return new ShouhuOptions
        {
            Provider = isPg ? "postgres" : "sqlite",
            ConnectionString = cs,
            DataDirectory = dataDir,
            Cities = cities,
            AdminPassword = config["SHOUHU_ADMIN_PASSWORD"] is { Length: > 0 } p ? p : null,
            MigrateOnStartup = !isPg || !bool.TryParse(config["Database:MigrateOnStartup"], out var m) || m,
            JsonLogs = string.Equals(config["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase),
        };
    }
}
