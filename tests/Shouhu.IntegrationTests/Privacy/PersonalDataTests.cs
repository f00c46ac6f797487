using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shouhu.Domain.Accounts;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Privacy;

/// <summary>
/// The one output policy for personal data (issue #9 findings 5–6, "The two policies"), as a matrix of every role that
/// reaches the register × every output channel: where a number is masked, neither the full number, nor the birth date, nor
/// the birth year, nor a full phone number, nor a category leaves the server; where the policy allows, the full values do.
/// </summary>
public sealed class PersonalDataTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Birth = new(2013, 7, 19);
    private static readonly DateOnly NewBirth = new(2013, 7, 21);
    private const string Phone = "13907361234";
    private const string GuardianPhone = "13807365678";

    /// <summary>Every role that reads the register, with a jurisdiction that holds village A.</summary>
    public static TheoryData<string, string> Readers() => new()
    {
        { Roles.CivilAffairsOfficer, "430702" },
        { Roles.ChildSupervisor, "430702001" },
        { Roles.ChildDirector, ShouhuApp.VillageA },
        { Roles.HotlineOperator, "4307" },
    };

    private sealed record Fixture(string ChildId, string Name, string IdNumber, string OldIdNumber, string GuardianId);

    private static Fixture? _fixture;
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>
    /// One child with an ID number, a contact phone, a father with ID number and phone, an active category, and a history
    /// that changed the birth date (and so the number), the phone and the category.
    /// </summary>
    private async Task<Fixture> ChildAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (_fixture is { } f && f.ChildId.Length > 0 && await ExistsAsync(f.ChildId))
            {
                return f;
            }

            using var director = await app.UserAsync(Roles.ChildDirector, ShouhuApp.VillageA);
            var oldId = ShouhuApp.NewIdNumber(Birth, male: true);
            var fatherId = ShouhuApp.NewIdNumber(new DateOnly(1985, 3, 4), male: true);
            var created = await director.PostAsJsonAsync("/api/v1/children", new
            {
                name = "隐私儿", sex = "male", citizenIdNumber = oldId, residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural", contactPhone = "13900000000",
                schoolStatus = "InSchool", schoolName = "启明小学", allowPossibleDuplicate = true,
                categories = new[] { new { category = "LeftBehind" } },
                guardians = new object[]
                {
                    new { name = "隐父", relation = "Father", citizenIdNumber = fatherId, isWorkingAway = true, phone = GuardianPhone, awaySince = "2024-01-01", workRegionCode = "441900" },
                    new { name = "隐母", relation = "Mother", isWorkingAway = true, awaySince = "2024-01-01", workRegionCode = "441900" },
                },
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var child = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var id = child.GetProperty("id").GetString()!;
            // A correction of the birth date, which corrects the number: the history now holds both dates and both numbers.
            var newId = ShouhuApp.NewIdNumber(NewBirth, male: true);
            var edit = await director.PutAsJsonAsync($"/api/v1/children/{id}", new
            {
                name = "隐私儿", sex = "male", citizenIdNumber = newId, birthDate = NewBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), residenceRegionCode = ShouhuApp.VillageA,
                householdKind = "Rural", contactPhone = Phone, schoolStatus = "InSchool", schoolName = "启明小学", version = child.GetProperty("version").GetString(), allowPossibleDuplicate = true,
            }, Ct);
            Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync(Ct));
            _fixture = new Fixture(id, "隐私儿", newId, oldId, fatherId);
            return _fixture;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<bool> ExistsAsync(string id)
    {
        await using var db = app.SystemDb();
        var guid = Guid.Parse(id);
        return await db.Children.AnyAsync(c => c.Id == guid, Ct);
    }

    /// <summary>Every way a birth date of the fixture could be written out.</summary>
    private static IEnumerable<string> BirthTexts() =>
        new[] { Birth, NewBirth }.SelectMany(d => new[] { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ToString("yyyyMMdd", CultureInfo.InvariantCulture), d.ToString("yyyy/M/d", CultureInfo.InvariantCulture) });

    /// <summary>Asserts that <paramref name="text"/> carries nothing a masked view must hide.</summary>
    private static void AssertMasked(string text, Fixture f, string channel)
    {
        Assert.False(text.Contains(f.IdNumber, StringComparison.Ordinal), $"{channel}: full ID number");
        Assert.False(text.Contains(f.OldIdNumber, StringComparison.Ordinal), $"{channel}: former full ID number");
        Assert.False(text.Contains(f.GuardianId, StringComparison.Ordinal), $"{channel}: guardian's full ID number");
        Assert.False(text.Contains(Phone, StringComparison.Ordinal), $"{channel}: full phone");
        Assert.False(text.Contains(GuardianPhone, StringComparison.Ordinal), $"{channel}: guardian's full phone");
        foreach (var b in BirthTexts())
        {
            Assert.False(text.Contains(b, StringComparison.Ordinal), $"{channel}: birth date {b}");
        }

        Assert.False(text.Contains("\"birthYear\":2013", StringComparison.Ordinal), $"{channel}: birth year");
    }

    private static void AssertNoCategory(string text, string channel)
    {
        Assert.False(text.Contains("农村留守", StringComparison.Ordinal), $"{channel}: category label");
        Assert.False(text.Contains("LeftBehind", StringComparison.Ordinal), $"{channel}: category name");
    }

    private static bool Full(string role) => Roles.FullIdNumberReaders.Contains(role);

    private static bool SeesCategories(string role) => Roles.RegistryWriters.Contains(role);

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Record_ApiAndPage_ShowFullValuesOnlyToFullRoles(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var json = await api.GetStringAsync($"/api/v1/children/{f.ChildId}", Ct);
        using var pageClient = await app.PageUserAsync(role, jurisdiction);
        var page = await RegistryRolesTests.PageAsync(pageClient, $"/Children/Details/{f.ChildId}");
        foreach (var (channel, text) in new[] { ("record API", json), ("record page", page) })
        {
            if (Full(role))
            {
                Assert.Contains(f.IdNumber, text, StringComparison.Ordinal);
                Assert.Contains(NewBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
                Assert.Contains(Phone, text, StringComparison.Ordinal);
                Assert.Contains(f.GuardianId, text, StringComparison.Ordinal);
            }
            else
            {
                AssertMasked(text, f, channel);
                Assert.Contains(f.IdNumber[..6] + "********" + f.IdNumber[14..], text, StringComparison.Ordinal);
            }

            if (SeesCategories(role))
            {
                Assert.Contains("农村留守儿童", text, StringComparison.Ordinal);
            }
            else
            {
                AssertNoCategory(text, channel);
            }
        }

        var record = JsonDocument.Parse(json).RootElement;
        Assert.Equal(Full(role) ? JsonValueKind.Number : JsonValueKind.Null, record.GetProperty("birthYear").ValueKind);
        Assert.Equal(Full(role) ? JsonValueKind.String : JsonValueKind.Null, record.GetProperty("birthDate").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task List_ApiAndPage_AreMaskedWithoutBirthDateOrCategory_ForEveryRole(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var json = await api.GetStringAsync($"/api/v1/children?q={f.Name}", Ct);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32());
        Assert.False(JsonDocument.Parse(json).RootElement.GetProperty("items")[0].TryGetProperty("birthYear", out _));
        using var pageClient = await app.PageUserAsync(role, jurisdiction);
        var page = await RegistryRolesTests.PageAsync(pageClient, $"/Children?q={f.Name}");
        Assert.Contains(f.Name, page, StringComparison.Ordinal);
        foreach (var (channel, text) in new[] { ("list API", json), ("list page", page) })
        {
            AssertMasked(text, f, channel);
            Assert.Contains(f.IdNumber[..6] + "********" + f.IdNumber[14..], text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task History_ApiAndPage_RedactIdentityBirthAndPhone_AndCategoryLines_ForMaskedRoles(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var json = await api.GetStringAsync($"/api/v1/children/{f.ChildId}/history", Ct);
        var lines = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("field").GetString() == "birthDate");
        using var pageClient = await app.PageUserAsync(role, jurisdiction);
        var page = await RegistryRolesTests.PageAsync(pageClient, $"/Children/Details/{f.ChildId}");
        var history = page[page.IndexOf("修改记录", StringComparison.Ordinal)..];
        if (Full(role))
        {
            var birth = lines.Single(l => l.GetProperty("field").GetString() == "birthDate");
            Assert.Equal(Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), birth.GetProperty("oldValue").GetString());
            Assert.Contains(lines, l => l.GetProperty("newValue").GetString() == f.IdNumber);
            Assert.Contains(f.IdNumber, history, StringComparison.Ordinal);
        }
        else
        {
            AssertMasked(json, f, "history API");
            AssertMasked(history, f, "history page");
            Assert.DoesNotContain(lines, l => l.GetProperty("field").GetString()!.StartsWith("categories", StringComparison.Ordinal));
            AssertNoCategory(json, "history API");
        }
    }

    private static List<IDictionary<string, object>> Sheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    private static string Cells(IEnumerable<IDictionary<string, object>> rows) =>
        string.Join("|", rows.SelectMany(r => r.Select(kv => $"{kv.Key}={kv.Value}")));

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Export_ByDefault_IsMaskedWithoutBirthDateOrCategories_ForEveryRole(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var response = await api.GetAsync($"/api/v1/children/export?q={f.Name}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(Sheet(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(f.IdNumber[..6] + "********" + f.IdNumber[14..], row["公民身份号码"]);
        Assert.False(row.ContainsKey("出生日期"));
        Assert.False(row.ContainsKey("保护类别"));
        Assert.Equal("在校", row["就学状况"]);
        Assert.Equal("农村户籍", row["户籍性质"]);
        AssertMasked(Cells([row]), f, "export");
        AssertNoCategory(Cells([row]), "export");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Export_FullNumbers_NeedARoleThatMayAndAPurpose_AndAreAudited(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var url = $"/api/v1/children/export?q={f.Name}&fullIdNumbers=true";
        if (!Full(role))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(url + "&purpose=核对", Ct)).StatusCode);
            return;
        }

        foreach (var bad in new[] { "", "&purpose=", "&purpose=%20%20", "&purpose=" + new string('用', PersonalDataPolicy.MaxPurposeLength + 1) })
        {
            var refused = await api.GetAsync(url + bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("purpose", out _));
        }

        var purpose = $"县级年度核查{role}";
        var ok = await api.GetAsync(url + "&purpose=" + Uri.EscapeDataString(purpose), Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var row = Assert.Single(Sheet(await ok.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(f.IdNumber, row["公民身份号码"]);
        Assert.Equal(NewBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["出生日期"]);
        Assert.Equal(Phone, row["联系电话"]);
        Assert.False(row.ContainsKey("保护类别"));
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Export" && a.Detail!.Contains("fullIdNumbers=yes") && a.Detail!.Contains("purpose=" + purpose), Ct));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Export_Categories_OnlyForOfficersAndSupervisors_WithAPurpose(string role, string jurisdiction)
    {
        var f = await ChildAsync();
        using var api = await app.UserAsync(role, jurisdiction);
        var url = $"/api/v1/children/export?q={f.Name}&includeCategories=true";
        if (role is not (Roles.CivilAffairsOfficer or Roles.ChildSupervisor))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(url + "&purpose=核对", Ct)).StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(url, Ct)).StatusCode);
        var ok = await api.GetAsync(url + "&purpose=" + Uri.EscapeDataString("上报增减名单"), Ct);
        var row = Assert.Single(Sheet(await ok.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal("农村留守儿童", row["保护类别"]);
        AssertMasked(Cells([row]), f, "export with categories"); // categories do not unmask numbers
    }

    [Fact]
    public async Task ExportPage_OffersFullNumbersAndCategories_OnlyWhereThePolicyMay()
    {
        using var supervisor = await app.PageUserAsync(Roles.ChildSupervisor, "430702001");
        var page = await RegistryRolesTests.PageAsync(supervisor, "/Children");
        Assert.Contains("name=\"fullIdNumbers\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"includeCategories\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"purpose\"", page, StringComparison.Ordinal);
        using var director = await app.PageUserAsync(Roles.ChildDirector, ShouhuApp.VillageA);
        var directors = await RegistryRolesTests.PageAsync(director, "/Children");
        Assert.Contains("name=\"fullIdNumbers\"", directors, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"includeCategories\"", directors, StringComparison.Ordinal);
        using var hotline = await app.PageUserAsync(Roles.HotlineOperator, "4307");
        Assert.DoesNotContain("name=\"purpose\"", await RegistryRolesTests.PageAsync(hotline, "/Children"), StringComparison.Ordinal);
        // Asking without a purpose: the page says which field, and no file.
        var refused = await RegistryRolesTests.PageAsync(supervisor, "/Children?handler=Export&fullIdNumbers=true");
        Assert.Contains("导出完整身份证号或保护类别须填写用途", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputPolicy_ForEveryRoleAndChannel_FollowsTheMatrix()
    {
        foreach (var role in Roles.All.Append(null))
        {
            foreach (var channel in Enum.GetValues<OutputChannel>())
            {
                var view = PersonalDataPolicy.For(role, channel);
                var fullChannel = channel is OutputChannel.Record or OutputChannel.History or OutputChannel.DuplicateCheck or OutputChannel.ImportReport;
                var full = fullChannel && role is not null && Roles.FullIdNumberReaders.Contains(role);
                Assert.Equal(full, view.FullNumbers);
                Assert.Equal(fullChannel && role is not null && Roles.RegistryWriters.Contains(role), view.ShowsCategories);
                Assert.Equal(full ? "430702201307211234" : "430702********1234", view.IdNumber("430702201307211234"));
                Assert.Equal(full ? Birth : null, view.BirthDate(Birth));
                Assert.Equal(full ? 2013 : null, view.BirthYear(Birth));
                Assert.Equal(full ? Phone : "139****1234", view.Phone(Phone));
                Assert.Equal(full ? "2013-07-19" : PersonalDataView.Hidden, view.HistoryValue("birthDate", "2013-07-19"));
                Assert.Equal(full ? Phone : "139****1234", view.HistoryValue("entrustedCare.phone", Phone));
                Assert.Equal("启明小学", view.HistoryValue("schoolName", "启明小学"));
            }
        }

        foreach (var role in Roles.All)
        {
            var masked = PersonalDataPolicy.ForExport(role, new ExportRequest());
            Assert.False(masked.View.FullNumbers || masked.View.ShowsCategories);
            var full = PersonalDataPolicy.ForExport(role, new ExportRequest(FullIdNumbers: true, Purpose: "核对"));
            Assert.Equal(Roles.FullIdNumberReaders.Contains(role), full.Forbidden is null && full.View.FullNumbers);
            var categories = PersonalDataPolicy.ForExport(role, new ExportRequest(IncludeCategories: true, Purpose: "核对"));
            Assert.Equal(role is Roles.CivilAffairsOfficer or Roles.ChildSupervisor, categories.Forbidden is null && categories.View.ShowsCategories);
        }
    }

    [Fact]
    public void WebProject_MasksNumbersOnlyThroughThePolicy()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Shouhu.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Shouhu.slnx not found above the test binaries");
        }

        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Shouhu.Web"), "*.*", SearchOption.AllDirectories)
            .Where(p => (p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.EndsWith("PersonalDataPolicy.cs", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p) is var t && (t.Contains("CitizenIdNumber.Mask(", StringComparison.Ordinal) || t.Contains("PhoneNumber.Mask(", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
    }
}
