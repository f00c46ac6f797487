using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shouhu.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add --project src/Shouhu.Data.Sqlite</c> build the model for SQLite.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ShouhuDbContext>
{
    /// <inheritdoc/>
    public ShouhuDbContext CreateDbContext(string[] args) =>
        new(Configure(new DbContextOptionsBuilder<ShouhuDbContext>(), "Data Source=design.db").Options, new FixedCallerContext(CallerScope.System));

    /// <summary>Points <paramref name="builder"/> at SQLite with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder<ShouhuDbContext> Configure(DbContextOptionsBuilder<ShouhuDbContext> builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas(), new SqliteIndexHints());
}
