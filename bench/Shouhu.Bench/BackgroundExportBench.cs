using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// A whole city's child list exported through a running Shouhu in the background (ADR-016; issue #12 "export of
/// 1,000,000 children: peak memory under 300 MB"): a city officer asks <c>GET /api/v1/children/export</c> with
/// <c>Prefer: respond-async</c>, the job is polled every 0.5 s until ready, the file is fetched. Prints one Markdown row:
/// rows, time to ready, fetch time, file size, the server's peak RSS before and after (VmHWM), rows per second.
/// </summary>
internal static class BackgroundExportBench
{
    /// <summary><c>--mode background-export --url U --admin-password PW --pid SERVER_PID [--region 4307]</c>.</summary>
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options["url"]), Timeout = TimeSpan.FromMinutes(30) };
        async Task<string> TokenAsync(string user, string password)
        {
            var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        var region = options.GetValueOrDefault("region", "4307");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("admin", options["admin-password"]));
        var user = "bench-export-" + Guid.NewGuid().ToString("N")[..8];
        (await http.PostAsJsonAsync("/api/v1/users", new { userName = user, password = "Bench#2026pw", displayName = "导出测试", role = "CivilAffairsOfficer", jurisdictionCode = region })).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user, "Bench#2026pw"));

        var before = SurveyImportBench.PeakMiB(options["pid"]);
        var clock = Stopwatch.StartNew();
        using var ask = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/children/export?regionCode={region}");
        ask.Headers.Add("Prefer", "respond-async");
        var accepted = await http.SendAsync(ask);
        if (accepted.StatusCode != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"expected 202, got {(int)accepted.StatusCode}");
        }

        var location = accepted.Headers.Location!.OriginalString;
        var askSeconds = clock.Elapsed.TotalSeconds;
        JsonElement status;
        while (true)
        {
            status = await (await http.GetAsync(location)).Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("status").GetString() is not ("waiting" or "writing"))
            {
                break;
            }

            await Task.Delay(500);
        }

        var ready = clock.Elapsed.TotalSeconds;
        if (status.GetProperty("status").GetString() != "ready")
        {
            throw new InvalidOperationException("the export failed: " + status.GetRawText());
        }

        clock.Restart();
        var path = Path.Combine(Path.GetTempPath(), $"shouhu-bench-export-{Guid.NewGuid():N}.xlsx");
        await using (var response = await http.GetStreamAsync(location + "/file"))
        await using (var file = File.Create(path))
        {
            await response.CopyToAsync(file);
        }

        var fetch = clock.Elapsed.TotalSeconds;
        var size = new FileInfo(path).Length / 1024.0 / 1024.0;
        File.Delete(path);
        var rows = status.GetProperty("rowsWritten").GetInt64();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {askSeconds:F1} s | {ready:F1} s | {fetch:F1} s | {size:F1} MiB | {before} → {SurveyImportBench.PeakMiB(options["pid"])} MiB | {rows / ready:N0} |"));
    }
}
