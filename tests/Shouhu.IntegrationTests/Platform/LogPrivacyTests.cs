using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>An application that logs at Information (as in production), EF Core at Warning and above.</summary>
public sealed class VerboseLogApp : ShouhuApp
{
    /// <summary>Information for every category the application does not turn down itself.</summary>
    public VerboseLogApp() => Settings["Logging:LogLevel:Default"] = "Information";
}

/// <summary>
/// No name, ID number, phone number or narrative reaches a log line (STYLE.md "Logging", issue #9): a representative run
/// with known rare values — registering, searching, exporting, reporting, failing requests — and every line captured.
/// </summary>
public sealed class LogPrivacyTests(VerboseLogApp app) : IClassFixture<VerboseLogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_OfRepresentativeRequests_HoldNoPersonalData()
    {
        const string childName = "龘靐齉";
        const string guardianName = "爨龖";
        const string guardianPhone = "13987654321";
        const string reporterPhone = "13712349876";
        const string narrative = "邻居说孩子夜里在桥洞下独自睡觉鳜鱼";
        var idNumber = ShouhuApp.NewIdNumber(new DateOnly(2014, 7, 7), male: true);
        var guardianId = ShouhuApp.NewIdNumber(new DateOnly(1985, 3, 3), male: false);
        var linesBefore = LogCapture.Provider.Lines.Count;

        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var body = new
        {
            name = childName, sex = "male", citizenIdNumber = idNumber, residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural", contactPhone = guardianPhone,
            guardians = new object[] { new { name = guardianName, relation = "Mother", status = "Living", citizenIdNumber = guardianId, phone = guardianPhone, isWorkingAway = true, workPlace = "广东" } },
        };
        var created = await officer.PostAsJsonAsync("/api/v1/children", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var childId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        // The same again (duplicate ID), searches by name and ID number in the query string, the record, the export.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/children", body, Ct)).StatusCode);
        await officer.GetAsync("/api/v1/children?q=" + Uri.EscapeDataString(childName), Ct);
        await officer.GetAsync("/api/v1/children?q=" + idNumber, Ct);
        await officer.GetAsync($"/api/v1/children/{childId}", Ct);
        await officer.GetAsync("/api/v1/children/export?q=" + Uri.EscapeDataString(childName), Ct);
        var report = await officer.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Urgent",
            narrative, childId, reporter = new { name = guardianName, phone = reporterPhone, relation = "邻居" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);

        // Failing requests quoting the values: wrong JSON types, a malformed body, an unknown id, a bad login.
        await officer.PostAsync("/api/v1/children", new StringContent($"{{\"name\":\"{childName}\",\"sex\":5,\"citizenIdNumber\":\"{idNumber}\"}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        await officer.PostAsync("/api/v1/reports", new StringContent($"{{\"narrative\":\"{narrative}\",\"reporter\":{{\"phone\":{reporterPhone}", System.Text.Encoding.UTF8, "application/json"), Ct);
        await officer.GetAsync($"/api/v1/children/{Guid.NewGuid()}?name={Uri.EscapeDataString(childName)}", Ct);
        using var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = idNumber, password = guardianPhone }, Ct);
        await anonymous.GetAsync("/Children?q=" + Uri.EscapeDataString(childName), Ct);

        var lines = LogCapture.Provider.Lines.ToList();
        Assert.True(lines.Count > linesBefore, "the run logged nothing: the capture is not wired");
        var secrets = new[] { childName, guardianName, guardianPhone, reporterPhone, narrative, narrative[..8], idNumber, guardianId, Uri.EscapeDataString(childName) };
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "personal data in the log:\n" + string.Join('\n', leaks.Take(5)));

        // Every ID number the suite has given out so far, in every test class's log.
        var issued = ShouhuApp.IssuedIdNumbers.ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(lines, l => issued.Any(id => l.Contains(id, StringComparison.Ordinal)));
    }
}
