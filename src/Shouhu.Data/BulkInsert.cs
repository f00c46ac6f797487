using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shouhu.Data;

/// <summary>
/// Inserts many rows of one mapped entity type through the context's own connection, converting each value with the
/// property's EF type mapping (so enums, dates and GUIDs are stored exactly as EF stores them). A measured hot path for bulk loads (national regions, demo data); it bypasses change tracking, the
/// jurisdiction guard and the per-row audit trail, so callers are system tasks that write one audit entry of their own.
/// SQLite gets single-row prepared statements (it binds parameters by name, which grows with the statement); PostgreSQL
/// gets binary <c>COPY … FROM STDIN</c>, its own bulk path, each value written as its column's store type (no statement of
/// thousands of parameters to build and prepare for each batch; docs/performance.md "Survey import").
/// Because it skips the audit trail, audited personal data (<see cref="Shouhu.Domain.IAudited"/>, child and case parts) may
/// be bulk-written only in system scope; any other region-scoped row must lie inside the caller's jurisdiction (ADR-007).
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Refuses a bulk write the caller's scope does not allow: audited personal data outside system scope (it would leave no
    /// audit entry), or a region-scoped row outside the caller's jurisdiction (it would skip the guard of SaveChanges).
    /// </summary>
    /// <exception cref="InvalidOperationException">Audited personal data outside system scope.</exception>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    public static void GuardScope<T>(ShouhuDbContext db, IReadOnlyList<T> rows)
        where T : class
    {
        if (db.Caller.IsSystem)
        {
            return;
        }

        if (typeof(Shouhu.Domain.IAudited).IsAssignableFrom(typeof(T)) || typeof(Shouhu.Domain.IChildPart).IsAssignableFrom(typeof(T))
            || typeof(Shouhu.Domain.ICasePart).IsAssignableFrom(typeof(T)))
        {
            throw new InvalidOperationException($"Bulk writes of {typeof(T).Name} leave no audit entry: they are for system tasks only.");
        }

        GuardJurisdiction(db, rows);
    }

    /// <summary>Refuses rows outside the caller's jurisdiction (none in system scope).</summary>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    internal static void GuardJurisdiction<T>(ShouhuDbContext db, IReadOnlyList<T> rows)
    {
        if (db.Caller.IsSystem)
        {
            return;
        }

        foreach (var row in rows)
        {
            if (row is Shouhu.Domain.IJurisdictional scoped && !db.Caller.CanSee(scoped.RegionCode))
            {
                throw new JurisdictionViolationException(typeof(T).Name);
            }
        }
    }

    /// <summary>Inserts <paramref name="rows"/> in one transaction of its own. Returns the number inserted.</summary>
    public static Task<int> InsertAsync<T>(ShouhuDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class => InsertAsync(db, rows, null, ct);

    /// <summary>Inserts <paramref name="rows"/> in <paramref name="transaction"/> (left open for the caller to commit), or in one of its own when null. Returns the number inserted.</summary>
    public static Task<int> InsertAsync<T>(ShouhuDbContext db, IReadOnlyList<T> rows, DbTransaction? transaction, CancellationToken ct = default)
        where T : class => InsertAsync(db, rows, transaction, listedInAudit: false, ct);

    /// <summary>
    /// As <see cref="InsertAsync{T}(ShouhuDbContext, IReadOnlyList{T}, DbTransaction?, CancellationToken)"/>; with
    /// <paramref name="listedInAudit"/> the rows may be audited personal data outside system scope, because the context
    /// writes, in the same transaction, one audit entry that lists their children (<see cref="ShouhuDbContext.AddChildrenInBulk"/>).
    /// The jurisdiction is checked either way.
    /// </summary>
    internal static async Task<int> InsertAsync<T>(ShouhuDbContext db, IReadOnlyList<T> rows, DbTransaction? transaction, bool listedInAudit, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (listedInAudit)
        {
            GuardJurisdiction(db, rows);
        }
        else
        {
            GuardScope(db, rows);
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Every mapped column except database-generated integer keys (identity columns).
        var properties = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !(p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var own = transaction is null ? await connection.BeginTransactionAsync(ct) : null;
            var tx = transaction ?? own!;
            if (connection is Npgsql.NpgsqlConnection pg)
            {
                await CopyAsync(pg, rows, properties, table, ct);
            }
            else
            {
                await using var cmd = await NewCommandAsync(connection, tx, properties, table, ct);
                foreach (var row in rows)
                {
                    for (var j = 0; j < properties.Count; j++)
                    {
                        cmd.Parameters[j].Value = StoredValue(properties[j], row) ?? DBNull.Value;
                    }

                    await cmd.ExecuteNonQueryAsync(ct);
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return rows.Count;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The value of <paramref name="property"/> of <paramref name="row"/> as the database stores it (through the property's EF value converter), or null.</summary>
    internal static object? StoredValue(IProperty property, object row)
    {
        var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
        var converter = property.GetTypeMapping().Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    // PostgreSQL's binary COPY in the connection's current transaction: each value as its column's store type without
    // its facets ("character varying(12)" → "character varying"), as EF's value converter stores it.
    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection connection, IReadOnlyList<T> rows, List<IProperty> properties, StoreObjectIdentifier store, CancellationToken ct)
        where T : class
    {
        var types = properties.Select(p => StoreTypeName(p.GetRelationalTypeMapping().StoreType)).ToArray();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{store.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var j = 0; j < properties.Count; j++)
            {
                if (StoredValue(properties[j], row) is { } value)
                {
                    await writer.WriteAsync(value, types[j], ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private static string StoreTypeName(string storeType)
    {
        var facets = storeType.IndexOf('(', StringComparison.Ordinal);
        return facets < 0 ? storeType : storeType[..facets].TrimEnd();
    }

    private static async Task<DbCommand> NewCommandAsync(DbConnection connection, DbTransaction tx, List<IProperty> properties, StoreObjectIdentifier store, CancellationToken ct)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var sql = new StringBuilder($"INSERT INTO \"{store.Name}\" (");
        sql.AppendJoin(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\"")).Append(") VALUES (");
        for (var j = 0; j < properties.Count; j++)
        {
            var name = $"@p{j}";
            sql.Append(j == 0 ? name : ", " + name);
            var mapping = (Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)properties[j].GetRelationalTypeMapping();
            cmd.Parameters.Add(mapping.CreateParameter(cmd, name, null, properties[j].IsNullable));
        }

#pragma warning disable CA2100 // Table and column names come from the EF model; every value is a parameter.
        cmd.CommandText = sql.Append(')').ToString();
#pragma warning restore CA2100
        await cmd.PrepareAsync(ct);
        return cmd;
    }
}
