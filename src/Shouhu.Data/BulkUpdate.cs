using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shouhu.Data;

/// <summary>
/// Updates given columns of many rows of one mapped entity type, each row by its primary key, with one prepared
/// <c>UPDATE … SET … WHERE key = …</c> statement executed once per row in the caller's transaction (on PostgreSQL one
/// <c>UPDATE … FROM (VALUES …)</c> per 500 rows, a round trip being the cost there); values are converted
/// with the properties' EF type mappings, as <see cref="BulkInsert"/> does. The counterpart of <see cref="BulkInsert"/> for
/// a batch's own bookkeeping rows (an import's rows marked committed): the change tracker costs several times more per row.
/// The same scope rule as <see cref="BulkInsert.GuardScope{T}"/> applies to the new values; the caller updates rows it
/// read through the jurisdiction-filtered context.
/// </summary>
public static class BulkUpdate
{
    /// <summary>
    /// Sets <paramref name="columns"/> (property names) of each of <paramref name="rows"/> to the row's current values, in
    /// <paramref name="transaction"/>. Returns the number of rows updated (a row whose key matches nothing counts 0).
    /// </summary>
    /// <exception cref="InvalidOperationException">Audited personal data outside system scope, or an unknown property name.</exception>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    public static async Task<int> UpdateAsync<T>(ShouhuDbContext db, IReadOnlyList<T> rows, IReadOnlyList<string> columns, DbTransaction transaction, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        BulkInsert.GuardScope(db, rows);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var keys = entityType.FindPrimaryKey()!.Properties.ToList();
        var sets = columns.Select(c => entityType.FindProperty(c) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {c}.")).ToList();
        var all = sets.Concat(keys).ToList();

        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            return await UpdateManyAsync(rows, table, sets, keys, transaction, ct);
        }

        await using var cmd = transaction.Connection!.CreateCommand();
        cmd.Transaction = transaction;
        var sql = new StringBuilder($"UPDATE \"{table.Name}\" SET ");
        sql.AppendJoin(", ", sets.Select((p, i) => $"\"{p.GetColumnName(table)}\" = @u{i}"));
        sql.Append(" WHERE ").AppendJoin(" AND ", keys.Select((p, i) => $"\"{p.GetColumnName(table)}\" = @k{i}"));
        for (var i = 0; i < all.Count; i++)
        {
            var name = i < sets.Count ? $"@u{i}" : $"@k{i - sets.Count}";
            var mapping = (RelationalTypeMapping)all[i].GetRelationalTypeMapping();
            cmd.Parameters.Add(mapping.CreateParameter(cmd, name, null, all[i].IsNullable));
        }

#pragma warning disable CA2100 // Table and column names come from the EF model; every value is a parameter.
        cmd.CommandText = sql.ToString();
#pragma warning restore CA2100
        await cmd.PrepareAsync(ct);
        var updated = 0;
        foreach (var row in rows)
        {
            for (var j = 0; j < all.Count; j++)
            {
                cmd.Parameters[j].Value = BulkInsert.StoredValue(all[j], row) ?? DBNull.Value;
            }

            updated += await cmd.ExecuteNonQueryAsync(ct);
        }

        return updated;
    }

    // PostgreSQL: up to 500 rows a statement, UPDATE … FROM (VALUES (…), (…)) AS v joined on the key — one round trip for
    // many rows (each row a statement cost a round trip per row).
    private static async Task<int> UpdateManyAsync<T>(IReadOnlyList<T> rows, StoreObjectIdentifier table, List<IProperty> sets, List<IProperty> keys, DbTransaction transaction, CancellationToken ct)
        where T : class
    {
        const int PerStatement = 500;
        var all = sets.Concat(keys).ToList();
        var updated = 0;
        for (var start = 0; start < rows.Count; start += PerStatement)
        {
            var count = Math.Min(PerStatement, rows.Count - start);
            await using var cmd = transaction.Connection!.CreateCommand();
            cmd.Transaction = transaction;
            var sql = new StringBuilder($"UPDATE \"{table.Name}\" AS t SET ");
            sql.AppendJoin(", ", sets.Select((p, i) => $"\"{p.GetColumnName(table)}\" = CAST(v.c{i} AS {p.GetColumnType()})"));
            sql.Append(" FROM (VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var j = 0; j < all.Count; j++)
                {
                    var name = $"@p{r}_{j}";
                    sql.Append(j == 0 ? name : ", " + name);
                    var mapping = (RelationalTypeMapping)all[j].GetRelationalTypeMapping();
                    var parameter = mapping.CreateParameter(cmd, name, BulkInsert.StoredValue(all[j], rows[start + r]) ?? DBNull.Value, all[j].IsNullable);
                    cmd.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            sql.Append(") AS v(").AppendJoin(", ", all.Select((_, i) => $"c{i}")).Append(") WHERE ");
            sql.AppendJoin(" AND ", keys.Select((p, i) => $"t.\"{p.GetColumnName(table)}\" = CAST(v.c{sets.Count + i} AS {p.GetColumnType()})"));
#pragma warning disable CA2100 // Table and column names come from the EF model; every value is a parameter.
            cmd.CommandText = sql.ToString();
#pragma warning restore CA2100
            updated += await cmd.ExecuteNonQueryAsync(ct);
        }

        return updated;
    }
}
