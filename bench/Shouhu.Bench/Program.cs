// Shouhu registry benchmark: latency of the four registry reads through HTTP (p50/p95 over sequential requests, after a
// warm-up), side by side with the same work done directly on the database. Not a test: run it by hand (bench/registry.sh).
//
// Steady-state latency: every read is warmed up for 3 s first.
// usage: Shouhu.Bench --url http://127.0.0.1:5099 --admin-password PW --provider sqlite|postgres --db "<connection string>" [--runs 200]
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
if (options.GetValueOrDefault("mode") == "survey-generate")
{
    SurveyReadBench.Generate(options);
    return;
}

if (options.GetValueOrDefault("mode") == "survey-read")
{
    SurveyReadBench.Read(options);
    return;
}

if (options.GetValueOrDefault("mode") == "survey-regions")
{
    await SurveyImportBench.RegionsAsync(options);
    return;
}

if (options.GetValueOrDefault("mode") == "survey-import")
{
    await SurveyImportBench.RunAsync(options);
    return;
}

if (options.GetValueOrDefault("mode") == "casework")
{
    await CaseworkBench.RunAsync(options);
    return;
}

if (options.GetValueOrDefault("mode") == "background-export")
{
    await BackgroundExportBench.RunAsync(options);
    return;
}

if (options.GetValueOrDefault("mode") == "export")
{
    await ExportBench.RunAsync(options);
    return;
}

var url = options.GetValueOrDefault("url", "http://127.0.0.1:5099");
var adminPassword = options["admin-password"];
var provider = options.GetValueOrDefault("provider", "sqlite");
var runs = int.Parse(options.GetValueOrDefault("runs", "200"), CultureInfo.InvariantCulture);
const string County = "430702";
const string UserPassword = "Bench#2026pw";

using var http = new HttpClient { BaseAddress = new Uri(url) };
async Task<string> TokenAsync(string user, string password)
{
    var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
    r.EnsureSuccessStatusCode();
    return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

// Accounts: a city officer (ID lookup, name search), a county officer (county list, detail). Created once.
var admin = await TokenAsync("admin", adminPassword);
foreach (var (user, jurisdiction) in new[] { ("bench-city", "4307"), ("bench-county", County) })
{
    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
    {
        Content = JsonContent.Create(new { userName = user, password = UserPassword, displayName = "基准测试", role = "CivilAffairsOfficer", jurisdictionCode = jurisdiction }),
    };
    create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
    await http.SendAsync(create); // 201 the first time, 400 (name taken) afterwards
}

var cityToken = await TokenAsync("bench-city", UserPassword);
var countyToken = await TokenAsync("bench-county", UserPassword);

async Task<JsonElement> GetAsync(string token, string path)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

// Samples, untimed: children of the county, their full ID numbers (officers see them on records) and name prefixes.
var rng = new Random(7);
var page = await GetAsync(countyToken, $"/api/v1/children?regionCode={County}&pageSize=200&page=3");
var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
var idNumbers = new List<string>();
var namePrefixes = new List<string>();
foreach (var id in ids.Take(60))
{
    var child = await GetAsync(countyToken, $"/api/v1/children/{id}");
    if (child.GetProperty("citizenIdNumber").GetString() is { Length: 18 } n)
    {
        idNumbers.Add(n);
    }

    var name = child.GetProperty("name").GetString()!;
    namePrefixes.Add(name[..Math.Min(2, name.Length)]);
}

static (double P50, double P95, double Mean) Stats(List<double> ms)
{
    ms.Sort();
    return (ms[(int)(ms.Count * 0.50)], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)], ms.Average());
}

// Steady state: the server's JIT tiers up over the first seconds of traffic, so each read is first repeated for
// three seconds before it is timed.
async Task<(double, double, double)> TimeAsync(Func<int, Task> action)
{
    var warm = Stopwatch.StartNew();
    for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(3); i++)
    {
        await action(i);
    }

    var samples = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action(i);
        samples.Add(sw.Elapsed.TotalMilliseconds);
    }

    return Stats(samples);
}

var results = new List<(string What, (double P50, double P95, double Mean) Http, (double P50, double P95, double Mean) Raw)>();

// Warm-up of the whole server first: all four reads in turn for 10 s, so that whichever read is timed first does not
// pay for the JIT tiering up code the others share.
{
    var warm = Stopwatch.StartNew();
    for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(10); i++)
    {
        await GetAsync(cityToken, $"/api/v1/children?q={idNumbers[i % idNumbers.Count]}");
        await GetAsync(cityToken, $"/api/v1/children?q={Uri.EscapeDataString(namePrefixes[i % namePrefixes.Count])}");
        await GetAsync(countyToken, $"/api/v1/children?regionCode={County}&category=LeftBehind");
        await GetAsync(countyToken, $"/api/v1/children/{ids[i % ids.Count]}");
    }
}

// The same work directly on the database: the SQL the application's queries amount to (jurisdiction range included).
await using DbConnection raw = provider == "postgres" ? new NpgsqlConnection(options["db"]) : new SqliteConnection(options["db"]);
await raw.OpenAsync();
async Task<int> RawAsync(string sql, params (string Name, object Value)[] ps)
{
    await using var cmd = raw.CreateCommand();
    cmd.CommandText = sql;
    foreach (var (n, v) in ps)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = n;
        p.Value = v;
        cmd.Parameters.Add(p);
    }

    var rows = 0;
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        rows++;
    }

    return rows;
}

const string CityLow = "4307", CityHigh = "430799999999", CountyLow = County, CountyHigh = County + "999999";
results.Add(("ID-number lookup (city officer)",
    await TimeAsync(i => GetAsync(cityToken, $"/api/v1/children?q={idNumbers[i % idNumbers.Count]}")),
    await TimeAsync(i => RawAsync("SELECT \"Id\", \"Name\", \"CitizenIdNumber\", \"BirthDate\", \"RegionCode\" FROM \"Children\" WHERE \"RegionCode\" BETWEEN @lo AND @hi AND \"CitizenIdNumber\" = @id",
        ("@lo", CityLow), ("@hi", CityHigh), ("@id", idNumbers[i % idNumbers.Count])))));
results.Add(("name search, 2-character prefix, first page (city officer)",
    await TimeAsync(i => GetAsync(cityToken, $"/api/v1/children?q={Uri.EscapeDataString(namePrefixes[i % namePrefixes.Count])}")),
    await TimeAsync(async i =>
    {
        var prefix = namePrefixes[i % namePrefixes.Count];
        await RawAsync("SELECT COUNT(*) FROM \"Children\" WHERE \"RegionCode\" BETWEEN @lo AND @hi AND \"Name\" >= @p AND \"Name\" < @q", ("@lo", CityLow), ("@hi", CityHigh), ("@p", prefix), ("@q", prefix + "\U0010FFFF"));
        await RawAsync("SELECT \"Id\", \"Name\" FROM \"Children\" WHERE \"RegionCode\" BETWEEN @lo AND @hi AND \"Name\" >= @p AND \"Name\" < @q ORDER BY \"Name\", \"Id\" LIMIT 20", ("@lo", CityLow), ("@hi", CityHigh), ("@p", prefix), ("@q", prefix + "\U0010FFFF"));
    })));
results.Add(("county list, first page, category LeftBehind (county officer)",
    await TimeAsync(_ => GetAsync(countyToken, $"/api/v1/children?regionCode={County}&category=LeftBehind")),
    await TimeAsync(async _ =>
    {
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string active = "\"Category\" = 3 AND \"RegionCode\" BETWEEN @lo AND @hi AND \"Status\" NOT IN (3, 5) AND \"ValidFrom\" <= @t AND (\"ValidTo\" IS NULL OR \"ValidTo\" >= @t)";
        object t = provider == "postgres" ? DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture) : today;
        await RawAsync($"SELECT COUNT(*) FROM \"ChildCategories\" WHERE {active}", ("@lo", CountyLow), ("@hi", CountyHigh), ("@t", t));
        await RawAsync($"SELECT c.\"Id\", c.\"Name\", c.\"CitizenIdNumber\", c.\"BirthDate\", c.\"RegionCode\" FROM \"Children\" c WHERE c.\"Id\" IN (SELECT \"ChildId\" FROM \"ChildCategories\" WHERE {active} ORDER BY \"RegionCode\", \"ChildId\" LIMIT 20)", ("@lo", CountyLow), ("@hi", CountyHigh), ("@t", t));
    })));
results.Add(("child detail (county officer)",
    await TimeAsync(i => GetAsync(countyToken, $"/api/v1/children/{ids[i % ids.Count]}")),
    await TimeAsync(async i =>
    {
        object id = provider == "postgres" ? Guid.Parse(ids[i % ids.Count]) : ids[i % ids.Count].ToUpperInvariant();
        await RawAsync("SELECT * FROM \"Children\" WHERE \"Id\" = @id AND \"RegionCode\" BETWEEN @lo AND @hi", ("@id", id), ("@lo", CountyLow), ("@hi", CountyHigh));
        await RawAsync("SELECT * FROM \"ChildCategories\" WHERE \"ChildId\" = @id", ("@id", id));
        await RawAsync("SELECT * FROM \"Guardians\" WHERE \"ChildId\" = @id", ("@id", id));
    })));

var total = (await GetAsync(cityToken, "/api/v1/children?pageSize=1")).GetProperty("total").GetInt32();
Console.WriteLine($"{provider}, {total:N0} children in the city, {runs} sequential requests each after 10 s of warm-up of all reads and 3 s of each");
Console.WriteLine();
Console.WriteLine("| read | HTTP p50 | HTTP p95 | raw DB p50 | raw DB p95 |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (what, h, r) in results)
{
    Console.WriteLine(FormattableString.Invariant($"| {what} | {h.P50:F1} ms | {h.P95:F1} ms | {r.P50:F2} ms | {r.P95:F2} ms |"));
}
