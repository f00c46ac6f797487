using Npgsql;

namespace Shouhu.IntegrationTests;

/// <summary>
/// Which engine the integration tests run on. <c>SHOUHU_TEST_POSTGRES</c> (a connection string to a throwaway
/// server, without a database name) selects PostgreSQL; otherwise a fresh SQLite file per application.
/// The test script runs the whole suite once for each engine.
/// </summary>
public static class TestDatabase
{
    /// <summary>The PostgreSQL server to use, or null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("SHOUHU_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>"postgres" or "sqlite".</summary>
    public static string Provider => PostgresServer is null ? "sqlite" : "postgres";

    /// <summary>Creates an empty database and returns (provider, connection string, data folder).</summary>
    public static (string Provider, string ConnectionString, string DataDir) Create()
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
}
