using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shouhu.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings: <c>synchronous=NORMAL</c> (with WAL, commits stay atomic and the file cannot be
/// corrupted; a power cut may lose the last moments of commits instead of paying an fsync on every one — the audit entry
/// written with every read is such a commit) and a 5-second busy timeout so that a writer waits for another instead of failing.
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
            cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
            cmd.ExecuteNonQuery();
        }

        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } h })
        {
            Applied.AddOrUpdate(h, h);
        }
    }
}
