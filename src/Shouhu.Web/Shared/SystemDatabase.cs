using Shouhu.Data;

namespace Shouhu.Web.Shared;

/// <summary>The database as the application itself sees it, for start-up work, commands and background schedules.</summary>
public static class SystemDatabase
{
    /// <summary>Creates the folder of the SQLite file (SQLite creates the file, not its folder).</summary>
    public static void EnsureDataDirectory(ShouhuOptions options)
    {
        if (!options.IsPostgres)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    /// <summary>A context that acts as the application itself (every region), for start-up and commands.</summary>
    public static ShouhuDbContext NewSystemContext(IServiceProvider sp) =>
        new(sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
}
