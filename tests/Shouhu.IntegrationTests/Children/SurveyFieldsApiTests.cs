using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>
/// The 2016 survey's own fields through the register's API (issue #12 item 1): registered, answered, replaced by PUT,
/// recorded in the history with their Chinese names and values; a wrong one is 400 naming the field, nothing written.
/// </summary>
public sealed class SurveyFieldsApiTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string id, Guid? version = null, string stage = "JuniorHigh", string[]? income = null, string? caregiverAddress = "3组12号") => new
    {
        name = "调查字段",
        sex = "male",
        citizenIdNumber = id,
        residenceRegionCode = ShouhuApp.VillageA,
        schoolStage = stage,
        boarding = true,
        householdRegistered = true,
        healthStatus = "ChronicIllness",
        illnessType = "哮喘",
        guardianshipType = "Fair",
        incomeSources = income ?? ["Wages", "GovernmentAid"],
        assistance = new[] { "Dibao", "MedicalAssistance" },
        entrustedCare = new { caregiverName = "赵奶奶", relation = "Grandmother", address = caregiverAddress },
        guardians = new object[] { new { name = "赵大", relation = "Father", birthDate = "1985-05-05", isWorkingAway = true }, new { name = "钱二", relation = "Mother", lacksCapacity = true } },
        version,
    };

    [Fact]
    public async Task SurveyFields_RoundTrip_AndTheHistoryRecordsThem()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2013, 4, 4), true);
        var created = await OkJson(await director.PostAsJsonAsync("/api/v1/children", Body(id), Ct), HttpStatusCode.Created);
        Assert.Equal("JuniorHigh", created.GetProperty("schoolStage").GetString());
        Assert.Equal("InSchool", created.GetProperty("schoolStatus").GetString());
        Assert.True(created.GetProperty("boarding").GetBoolean());
        Assert.True(created.GetProperty("householdRegistered").GetBoolean());
        Assert.Equal("哮喘", created.GetProperty("illnessType").GetString());
        Assert.Equal("Fair", created.GetProperty("guardianshipType").GetString());
        Assert.Equal(["Wages", "GovernmentAid"], created.GetProperty("incomeSources").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Dibao", "MedicalAssistance"], created.GetProperty("assistance").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("3组12号", created.GetProperty("entrustedCare").GetProperty("address").GetString());
        var father = created.GetProperty("guardians").EnumerateArray().Single(g => g.GetProperty("relation").GetString() == "Father");
        Assert.Equal("1985-05-05", father.GetProperty("birthDate").GetString());
        Assert.True(created.GetProperty("guardians").EnumerateArray().Single(g => g.GetProperty("relation").GetString() == "Mother").GetProperty("lacksCapacity").GetBoolean());

        var child = created.GetProperty("id").GetGuid();
        var updated = await OkJson(await director.PutAsJsonAsync($"/api/v1/children/{child}", Body(id, created.GetProperty("version").GetGuid(), "Primary", ["Farming"], "本村5组"), Ct));
        Assert.Equal("Primary", updated.GetProperty("schoolStage").GetString());
        var history = (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/history", Ct)).EnumerateArray()
            .ToDictionary(h => h.GetProperty("field").GetString()!, h => (h.GetProperty("fieldName").GetString(), h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString()));
        Assert.Equal(("就学阶段", "初中", "小学"), history["schoolStage"]);
        Assert.Equal(("家庭经济来源", "打工收入、政府救助", "种养殖业"), history["incomeSources"]);
        Assert.Equal(("委托照护人居住地址", "3组12号", "本村5组"), history["entrustedCare.address"]);
    }

    [Theory]
    [InlineData("schoolStage", "University")]
    [InlineData("incomeSources", "Stocks")]
    [InlineData("boarding", null)]
    public async Task SurveyFields_Wrong_Answer400NamingTheField_AndWriteNothing(string field, string? value)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2013, 4, 5), true);
        var body = field switch
        {
            "schoolStage" => Body(id, stage: value!),
            "incomeSources" => Body(id, income: [value!]),
            _ => Body(id, stage: "DroppedOut"), // boarding with 辍学
        };
        var response = await director.PostAsJsonAsync("/api/v1/children", body, Ct);
        Assert.False(string.IsNullOrEmpty(await ErrorOf(response, field)));
        var listed = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children?q={id}", Ct);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }
}
