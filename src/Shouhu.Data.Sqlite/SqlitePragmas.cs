using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shouhu.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings: <c>synchronous=NORMAL</c> (with WAL, commits stay atomic and the file cannot be
/// corrupted; a power cut may lose the last moments of commits instead of paying an fsync on every one — the audit entry
/// written with every read is such a commit), a 5-second busy timeout so that a writer waits for another instead of failing,
/// a 16 MiB page cache per connection instead of SQLite's 2 MiB (a survey import's batch updates the register's
/// indexes at random places), and a WAL checkpoint every 16,384 pages (64 MiB) instead of every 1,000: a batch of 1,000
/// children fills the default's WAL at once, so each batch's commit paid a checkpoint that wrote the same index pages
/// again (the import's commit 50.7 s → 42.6 s at 100,000 rows; docs/performance.md "Survey import").
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <inheritdoc/>
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <inheritdoc/>
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Connections are pooled: EF opens a connection for almost every query, but the native handle underneath is reused.
    // The settings belong to the handle, so they are applied once per handle, not on every open.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = new();

    private static void Apply(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=16384;";
            cmd.ExecuteNonQuery();
        }

        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } h })
        {
            Applied.AddOrUpdate(h, h);
        }
    }
}

/// <summary>
/// Index hints for SQLite, for queries tagged with <see cref="NameSearchTag"/>: a name search inside a large
/// jurisdiction has two ranges (region, name) that SQLite's planner rates alike without sample statistics, and it chose
/// the region — a scan of the whole city (140 ms at a million children) instead of the name index (a few ms). Measured
/// in docs/performance.md; PostgreSQL plans this from its statistics.
/// </summary>
public sealed class SqliteIndexHints : DbCommandInterceptor
{
    /// <summary>The tag (EF <c>TagWith</c>) that marks a name search of the child register.</summary>
    public const string NameSearchTag = "shouhu:name-search";

    /// <inheritdoc/>
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Hint(command);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Hint(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Hint(command);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Hint(command);
        return ValueTask.FromResult(result);
    }

    private static void Hint(DbCommand command)
    {
        if (command.CommandText.Contains(NameSearchTag, StringComparison.Ordinal))
        {
#pragma warning disable CA2100 // Only a fixed index name is inserted.
            command.CommandText = command.CommandText.Replace("FROM \"Children\" AS \"c\"", "FROM \"Children\" AS \"c\" INDEXED BY \"IX_Children_Name_BirthDate\"", StringComparison.Ordinal);
#pragma warning restore CA2100
        }
    }
}
