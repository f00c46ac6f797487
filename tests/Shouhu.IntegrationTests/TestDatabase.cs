using Npgsql;

namespace Shouhu.IntegrationTests;

/// <summary>
/// Which engine the integration tests run on. <c>SHOUHU_TEST_POSTGRES</c> (a connection string to a throwaway
/// server, without a database name) selects PostgreSQL; otherwise a fresh SQLite file per application.
/// The test script runs the whole suite once for each engine.
/// <para>
/// Each application gets a copy of one template — a database that a first application migrated and seeded (Changde's
/// regions, the admin, the default instrument) and its data folder (keys, audit key and anchors) — instead of
/// migrating and seeding 2,463 regions again: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
/// The template is built through the same start-up as every test application, so the migrations are still tested.
/// </para>
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<(string DataDir, string? PostgresName)> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    // PostgreSQL copies a template only while nobody else is connected to it: one copy at a time.
    private static readonly Lock PostgresCopy = new();

    /// <summary>The PostgreSQL server to use, or null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("SHOUHU_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>"postgres" or "sqlite".</summary>
    public static string Provider => PostgresServer is null ? "sqlite" : "postgres";

    /// <summary>Creates a migrated and seeded database (a copy of the template) and returns (provider, connection string, data folder).</summary>
    public static (string Provider, string ConnectionString, string DataDir) Create()
    {
        var (templateDir, templateDb) = Template.Value;
        var dataDir = Path.Combine(Path.GetTempPath(), "shouhu-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(templateDir, dataDir);
        if (PostgresServer is not { } server)
        {
            return ("sqlite", $"Data Source={Path.Combine(dataDir, "shouhu.db")}", dataDir);
        }

        var name = "shouhu_t_" + Guid.NewGuid().ToString("N")[..16];
        lock (PostgresCopy)
        {
            using var conn = new NpgsqlConnection(server);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateDb}\"";
            cmd.ExecuteNonQuery();
        }

        return ("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString, dataDir);
    }

    /// <summary>Creates an empty database (for the template, or a test of the first start itself).</summary>
    public static (string Provider, string ConnectionString, string DataDir) CreateEmpty()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shouhu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (PostgresServer is not { } server)
        {
            return ("sqlite", $"Data Source={Path.Combine(dataDir, "shouhu.db")}", dataDir);
        }

        var name = "shouhu_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            cmd.ExecuteNonQuery();
        }

        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
        return ("postgres", cs, dataDir);
    }

    private static (string DataDir, string? PostgresName) BuildTemplate()
    {
        var (provider, connectionString, dataDir) = CreateEmpty();
        using (var app = new ShouhuApp((provider, connectionString, dataDir), keepData: true))
        {
            _ = app.Server; // starts: migrates, seeds, creates admin
        }

        if (provider == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
            return (dataDir, new NpgsqlConnectionStringBuilder(connectionString).Database);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (dataDir, null);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
