// Casework benchmark (issue #4): the write path (intake, triage into a numbered case) and the three reads people wait on
// (the triage queue, a case file with its timeline, "my cases"), through HTTP, side by side with the raw database.
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

internal static class CaseworkBench
{
    private const string County = "430702";
    private const string Password = "Bench#2026pw";
    private static readonly string[] Neglect = ["Neglect"];

    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var url = options.GetValueOrDefault("url", "http://127.0.0.1:5099");
        var provider = options.GetValueOrDefault("provider", "sqlite");
        var runs = int.Parse(options.GetValueOrDefault("runs", "200"), CultureInfo.InvariantCulture);
        var reports = int.Parse(options.GetValueOrDefault("reports", "5000"), CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        async Task<string> TokenAsync(string user, string password)
        {
            var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var admin = await TokenAsync("admin", options["admin-password"]);
        foreach (var (user, role) in new[] { ("bench-hotline", "HotlineOperator"), ("bench-officer", "CivilAffairsOfficer") })
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
            {
                Content = JsonContent.Create(new { userName = user, password = Password, displayName = "基准测试", role, jurisdictionCode = County }),
            };
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            await http.SendAsync(create); // 201 the first time, 400 afterwards
        }

        // The cases' worker: a triage names one (and a risk level) — a fresh officer each run, whose id the creation answers.
        var workerId = (await SendAsync(admin, HttpMethod.Post, "/api/v1/users", new { userName = $"bench-worker-{Guid.NewGuid():N}"[..30], password = Password, displayName = "基准承办", role = "CivilAffairsOfficer", jurisdictionCode = County }))
            .GetProperty("id").GetString();
        var hotline = await TokenAsync("bench-hotline", Password);
        var officer = await TokenAsync("bench-officer", Password);
        var children = new List<string>();
        for (var p = 1; p <= 5; p++)
        {
            var page = await SendAsync(officer, HttpMethod.Get, $"/api/v1/children?regionCode={County}&pageSize=200&page={p}");
            children.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        // The write path, timed: a year of the seed city's reports (5,000+ case services a year), four in five opened as
        // cases, each case then given a few steps so that case files have a timeline.
        var intake = new List<double>();
        var triage = new List<double>();
        var caseIds = new List<string>();
        var urgencies = new[] { "ImmediateDanger", "Urgent", "Routine", "Routine" };
        for (var i = 0; i < reports; i++)
        {
            var sw = Stopwatch.StartNew();
            var report = await SendAsync(hotline, HttpMethod.Post, "/api/v1/reports", new
            {
                channel = "Hotline", concernTypes = Neglect, urgency = urgencies[i % 4],
                narrative = "基准测试报告：儿童无人照料。", childId = children[i % children.Count],
            });
            intake.Add(sw.Elapsed.TotalMilliseconds);
            if (i % 5 == 4)
            {
                continue; // left waiting in the triage queue
            }

            sw.Restart();
            var t = await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{report.GetProperty("id").GetString()}/triage", new { decision = "open-case", workerId, riskLevel = "medium" });
            triage.Add(sw.Elapsed.TotalMilliseconds);
            var caseId = t.GetProperty("caseId").GetString()!;
            caseIds.Add(caseId);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/cases/{caseId}/status", new { to = "assessing" });
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/cases/{caseId}/notes", new { text = "入户走访，儿童情况稳定。" });
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/cases/{caseId}/notes", new { text = "电话回访监护人。" });
        }

        static (double P50, double P95) Stats(List<double> ms)
        {
            ms.Sort();
            return (ms[(int)(ms.Count * 0.50)], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)]);
        }

        async Task<(double, double)> TimeAsync(Func<int, Task> action)
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

        await using DbConnection raw = provider == "postgres" ? new NpgsqlConnection(options["db"]) : new SqliteConnection(options["db"]);
        await raw.OpenAsync();
        async Task RawAsync(string sql, params (string Name, object Value)[] ps)
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

            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        object Id(string id) => provider == "postgres" ? Guid.Parse(id) : id.ToUpperInvariant();
        const string Lo = County, Hi = County + "999999";
        var rows = new List<(string What, (double, double) Http, (double, double) Raw)>
        {
            ("triage queue, first page of 50 (county officer)",
                await TimeAsync(_ => SendAsync(officer, HttpMethod.Get, "/api/v1/reports?status=awaiting-triage")),
                await TimeAsync(async _ =>
                {
                    await RawAsync("SELECT COUNT(*) FROM \"Reports\" WHERE \"Status\" = 1 AND \"RegionCode\" BETWEEN @lo AND @hi", ("@lo", Lo), ("@hi", Hi));
                    // The concern types are rows of ReportConcerns (ADR-010): the page's 50 reports and their rows.
                    await RawAsync("SELECT r.\"Id\", r.\"Channel\", r.\"Urgency\", r.\"ReceivedAt\", r.\"ResponseDueAt\", c.\"ConcernType\", r.\"ChildId\", r.\"RegionCode\" FROM (SELECT * FROM \"Reports\" WHERE \"Status\" = 1 AND \"RegionCode\" BETWEEN @lo AND @hi ORDER BY \"ResponseDueAt\" LIMIT 50) r LEFT JOIN \"ReportConcerns\" c ON c.\"ReportId\" = r.\"Id\"", ("@lo", Lo), ("@hi", Hi));
                })),
            ("case file with its timeline (county officer)",
                await TimeAsync(i => SendAsync(officer, HttpMethod.Get, $"/api/v1/cases/{caseIds[i % caseIds.Count]}")),
                await TimeAsync(async i =>
                {
                    var id = Id(caseIds[i % caseIds.Count]);
                    await RawAsync("SELECT * FROM \"Cases\" WHERE \"Id\" = @id AND \"RegionCode\" BETWEEN @lo AND @hi", ("@id", id), ("@lo", Lo), ("@hi", Hi));
                    await RawAsync("SELECT * FROM \"CaseEvents\" WHERE \"CaseId\" = @id ORDER BY \"At\"", ("@id", id));
                    await RawAsync("SELECT * FROM \"Referrals\" WHERE \"CaseId\" = @id", ("@id", id));
                    await RawAsync("SELECT * FROM \"ServiceRecords\" WHERE \"CaseId\" = @id", ("@id", id));
                })),
            ("my cases, first page of 50 (county officer with every case)",
                await TimeAsync(_ => SendAsync(officer, HttpMethod.Get, "/api/v1/cases?mine=true")),
                await TimeAsync(async _ =>
                {
                    await RawAsync("SELECT COUNT(*) FROM \"Cases\" WHERE \"RegionCode\" BETWEEN @lo AND @hi AND (\"AssignedWorkerId\" = @u OR \"SupervisorId\" = @u)", ("@lo", Lo), ("@hi", Hi), ("@u", "x"));
                    await RawAsync("SELECT * FROM \"Cases\" WHERE \"RegionCode\" BETWEEN @lo AND @hi ORDER BY \"UpdatedAt\" DESC LIMIT 50", ("@lo", Lo), ("@hi", Hi));
                })),
        };

        var (i50, i95) = Stats(intake);
        var (t50, t95) = Stats(triage);
        Console.WriteLine($"{provider}, {reports:N0} reports recorded and {caseIds.Count:N0} cases opened in this run; {runs} sequential reads each after 3 s of warm-up");
        Console.WriteLine();
        Console.WriteLine("| operation | HTTP p50 | HTTP p95 | raw DB p50 | raw DB p95 |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(FormattableString.Invariant($"| record a report (POST /reports, {intake.Count:N0} in sequence, cold start included) | {i50:F1} ms | {i95:F1} ms | — | — |"));
        Console.WriteLine(FormattableString.Invariant($"| triage into a numbered case (POST /reports/{{id}}/triage, {triage.Count:N0}) | {t50:F1} ms | {t95:F1} ms | — | — |"));
        foreach (var (what, (h50, h95), (r50, r95)) in rows)
        {
            Console.WriteLine(FormattableString.Invariant($"| {what} | {h50:F1} ms | {h95:F1} ms | {r50:F2} ms | {r95:F2} ms |"));
        }
    }
}
