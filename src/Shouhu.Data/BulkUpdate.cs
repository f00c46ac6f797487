using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shouhu.Data;

/// <summary>
/// Updates given columns of many rows of one mapped entity type, each row by its primary key, with one prepared
/// <c>UPDATE … SET … WHERE key = …</c> statement executed once per row in the caller's transaction; values are converted
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
}
