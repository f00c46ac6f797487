using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Regions;
using Shouhu.TestData;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// Issue #12 "Done when": <c>kill -9</c> in the middle of a commit and a restart resume the import to the same final
/// state as an uninterrupted one — the same row counts and the same content hash of what the register holds. The crashed
/// run is Shouhu's real executable on its own copy of the test database, killed with SIGKILL while a batch is being
/// written and started again on the same database and data folder; the uninterrupted run is this class's application.
/// </summary>
public sealed class ImportCrashTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public async Task KillDuringCommit_AndRestart_ResumeToTheStateOfAnUninterruptedImport()
    {
        var survey = SurveyGenerator.Generate(1_500, 20, AsOf, seed: 7);

        // The uninterrupted import, in this process.
        await SurveyImportTests.SeedGeneratorRegionsAsync(app);
        using var officer = await app.UserAsync("CivilAffairsOfficer", SurveyGenerator.County);
        var reference = await ImportAsync(officer, survey);
        string referenceHash;
        await using (var db = app.SystemDb())
        {
            referenceHash = await ContentHashAsync(db.Database.GetDbConnection());
        }

        // The same file on the real executable, killed with SIGKILL after its first committed batch, then restarted.
        var database = TestDatabase.Create();
        using (var seeding = new ShouhuApp(database, keepData: true))
        {
            await SurveyImportTests.SeedGeneratorRegionsAsync(seeding);
        }

        try
        {
            string location;
            int committedAtKill;
            using (var first = await RealShouhu.StartAsync(database))
            {
                using var client = await first.OfficerAsync(SurveyGenerator.County);
                (location, committedAtKill) = await StartAndKillMidCommitAsync(client, survey, first);
            }

            Assert.InRange(committedAtKill, 1, reference.Committed - 1);
            using var second = await RealShouhu.StartAsync(database);
            using var again = await second.SignInAsync(RealShouhu.OfficerName);
            var resumed = await ImportPipelineTests.SettledAsync(again, location, TimeSpan.FromMinutes(5));
            Assert.Equal("committed", resumed.GetProperty("status").GetString());
            Assert.Equal(reference, Counts(resumed));

            await using var connection = RealShouhu.Connect(database);
            await connection.OpenAsync(Ct);
            Assert.Equal(referenceHash, await ContentHashAsync(connection));
            // Nothing half-written: every row marked committed is a child, every child of the county is a committed row.
            Assert.Equal(0L, await ScalarAsync(connection, """
                SELECT COUNT(*) FROM "ImportJobRows" r WHERE r."Status" = 5 AND NOT EXISTS (SELECT 1 FROM "Children" c WHERE c."Id" = r."ChildId")
                """));
            Assert.Equal(0L, await ScalarAsync(connection, """
                SELECT COUNT(*) FROM "Children" c WHERE c."RegionCode" LIKE '430799%' AND NOT EXISTS (SELECT 1 FROM "ImportJobRows" r WHERE r."ChildId" = c."Id" AND r."Status" = 5)
                """));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(database.DataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record ImportCounts(string Status, int Total, int Committed, int Skipped, int Invalid);

    private static ImportCounts Counts(JsonElement s) => new(s.GetProperty("status").GetString()!, s.GetProperty("rowsTotal").GetInt32(),
        s.GetProperty("rowsCommitted").GetInt32(), s.GetProperty("rowsSkipped").GetInt32(), s.GetProperty("rowsInvalid").GetInt32());

    private static MultipartFormDataContent Form(GeneratedSurvey survey) =>
        new() { { new ByteArrayContent(survey.Content), "file", "摸底排查.xlsx" }, { new StringContent(AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "asOf" } };

    private static async Task<ImportCounts> ImportAsync(HttpClient client, GeneratedSurvey survey)
    {
        var created = await client.PostAsync("/api/v1/imports", Form(survey), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("invalid", (await ImportPipelineTests.SettledAsync(client, location, TimeSpan.FromMinutes(5))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true, flagged = "apply" }, Ct)).StatusCode);
        var done = await ImportPipelineTests.SettledAsync(client, location, TimeSpan.FromMinutes(5));
        Assert.Equal("committed", done.GetProperty("status").GetString());
        return Counts(done);
    }

    private static async Task<(string Location, int Committed)> StartAndKillMidCommitAsync(HttpClient client, GeneratedSurvey survey, RealShouhu shouhu)
    {
        var created = await client.PostAsync("/api/v1/imports", Form(survey), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("invalid", (await ImportPipelineTests.SettledAsync(client, location, TimeSpan.FromMinutes(5))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true, flagged = "apply" }, Ct)).StatusCode);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var status = await OkJson(await client.GetAsync(location, Ct));
            var committed = status.GetProperty("rowsCommitted").GetInt32();
            if (committed > 0)
            {
                shouhu.Kill(); // SIGKILL: no shutdown, no flush — whatever batch is being written is cut off
                return (location, committed);
            }

            await Task.Delay(20, Ct);
        }

        throw new TimeoutException("the commit wrote no batch in 3 minutes");
    }

    /// <summary>
    /// A hash of what the register holds for the survey's county, independent of ids, times and accounts: each child's own
    /// fields, its family members, its categories with their status, and its number of visit schedules, in ID-number order.
    /// </summary>
    private static async Task<string> ContentHashAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Ct);
        }

        var lines = new List<string>();
        lines.AddRange(await RowsAsync(connection, """
            SELECT c."CitizenIdNumber", c."Name", c."Sex", c."BirthDate", c."EthnicityCode", c."RegionCode", c."Address", c."HouseholdRegionCode",
                   c."HouseholdKind", c."SchoolStatus", c."SchoolName", c."HealthStatus", c."DisabilityType", c."DisabilityGrade", c."ContactPhone",
                   (SELECT COUNT(*) FROM "VisitSchedules" v WHERE v."ChildId" = c."Id")
            FROM "Children" c WHERE c."RegionCode" LIKE '430799%'
            """, "child"));
        lines.AddRange(await RowsAsync(connection, """
            SELECT c."CitizenIdNumber", c."Name", g."Name", g."Relation", g."CitizenIdNumber", g."Status", g."Phone"
            FROM "Guardians" g JOIN "Children" c ON c."Id" = g."ChildId" WHERE c."RegionCode" LIKE '430799%'
            """, "guardian"));
        lines.AddRange(await RowsAsync(connection, """
            SELECT c."CitizenIdNumber", c."Name", k."Category", k."SubType", k."Status", k."ValidFrom", k."ValidTo"
            FROM "ChildCategories" k JOIN "Children" c ON c."Id" = k."ChildId" WHERE c."RegionCode" LIKE '430799%'
            """, "category"));
        lines.AddRange(await RowsAsync(connection, """
            SELECT c."CitizenIdNumber", c."Name", e."CaregiverName", e."Relation", e."Phone"
            FROM "EntrustedCares" e JOIN "Children" c ON c."Id" = e."ChildId" WHERE c."RegionCode" LIKE '430799%'
            """, "care"));
        lines.Sort(StringComparer.Ordinal);
        Assert.True(lines.Count > 1_500, $"only {lines.Count} lines: the county's children were not found");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql, string kind)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
            {
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString()!,
            });
            lines.Add(kind + "|" + string.Join("|", values));
        }

        return lines;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }
}

/// <summary>Shouhu's real executable (<c>Shouhu.Web.dll</c>) on a given database and data folder, on a free port.</summary>
internal sealed class RealShouhu : IDisposable
{
    public const string OfficerName = "crash-officer";
    private const string OfficerPassword = "Crash#Officer2026";
    private readonly Process _process;
    private readonly string _baseUrl;

    private RealShouhu(Process process, string baseUrl) => (_process, _baseUrl) = (process, baseUrl);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the executable and waits for <c>/healthz</c>.</summary>
    public static async Task<RealShouhu> StartAsync((string Provider, string ConnectionString, string DataDir) database)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/Shouhu.IntegrationTests/bin/<Configuration>/net10.0/
        var dll = Path.Combine(testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "Shouhu.Web", "bin", testBin.Parent.Name, "net10.0", "Shouhu.Web.dll");
        Assert.True(File.Exists(dll), dll);
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["SHOUHU_DATA_DIR"] = database.DataDir;
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Shouhu"] = database.ConnectionString;
        start.Environment["SHOUHU_ADMIN_PASSWORD"] = ShouhuApp.AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var shouhu = new RealShouhu(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"{shouhu._baseUrl}/healthz", Ct)).IsSuccessStatusCode)
                {
                    return shouhu;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !Ct.IsCancellationRequested))
            {
            }

            await Task.Delay(300, Ct);
        }

        shouhu.Dispose();
        throw new TimeoutException("Shouhu did not answer /healthz");
    }

    /// <summary>A client with a bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(_baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var token = await OkJson(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = password ?? OfficerPassword }, Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Creates the officer of <paramref name="county"/> as the admin, and signs in as the officer.</summary>
    public async Task<HttpClient> OfficerAsync(string county)
    {
        using var admin = await SignInAsync("admin", ShouhuApp.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = OfficerName, password = OfficerPassword, displayName = "县民政局试导员", role = "CivilAffairsOfficer", jurisdictionCode = county }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await SignInAsync(OfficerName);
    }

    /// <summary>SIGKILL (on Linux, <see cref="Process.Kill()"/>), and waits for the end.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>A raw connection to <paramref name="database"/>.</summary>
    public static DbConnection Connect((string Provider, string ConnectionString, string DataDir) database) =>
        database.Provider == "postgres" ? new Npgsql.NpgsqlConnection(database.ConnectionString) : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
