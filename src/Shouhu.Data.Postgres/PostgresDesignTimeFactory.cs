using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shouhu.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add --project src/Shouhu.Data.Postgres</c> build the model for PostgreSQL.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<ShouhuDbContext>
{
    /// <inheritdoc/>
    public ShouhuDbContext CreateDbContext(string[] args) =>
        new(Configure(new DbContextOptionsBuilder<ShouhuDbContext>(), "Host=localhost;Database=shouhu_design").Options, new FixedCallerContext(CallerScope.System));

    /// <summary>Points <paramref name="builder"/> at PostgreSQL with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder<ShouhuDbContext> Configure(DbContextOptionsBuilder<ShouhuDbContext> builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name));
}
