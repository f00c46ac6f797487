using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Shouhu.IntegrationTests.Api;
using static Shouhu.IntegrationTests.Cases.CaseSetup;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>Saving a case plan (issue #10 items 1, 4): revisions with the version just read, rows checked whole.</summary>
public sealed class CasePlanTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Issue #10 item 1: after a first draft, every later save — with the version just read — was refused as changed by the same user.</summary>
    [Fact]
    public async Task SavePlan_WithTheVersionJustRead_SavesEveryRevision()
    {
        var (_, worker, caseId) = await app.CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        for (var revision = 1; revision <= 3; revision++)
        {
            await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", Plan($"目标第{revision}版", await VersionAsync(worker, caseId), revision), Ct));
        }

        var c = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(3, c.GetProperty("plan").GetProperty("revision").GetInt32());
        Assert.Equal("目标第3版", c.GetProperty("plan").GetProperty("goals").GetString());
        Assert.Equal(3, c.GetProperty("plan").GetProperty("items").GetArrayLength());
    }

    /// <summary>
    /// Issue #10 item 4: a plan row with only its type chosen vanished and the page said 计划已保存. Any row with some field
    /// filled is checked whole (the message names the row and the field); only wholly empty rows are skipped.
    /// </summary>
    [Fact]
    public async Task SavePlan_PartlyFilledRow_Returns400NamingRowAndField()
    {
        var (_, worker, caseId) = await app.CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        var full = new { serviceType = "Other", description = "家访", responsible = "儿童主任", dueOn = InAWeek };
        object[] partials =
        [
            new { serviceType = "Other", description = "", responsible = "", dueOn = "" },
            new { serviceType = "", description = "家访", responsible = "", dueOn = "" },
            new { serviceType = "", description = "", responsible = "社工", dueOn = "" },
            new { serviceType = "", description = "", responsible = "", dueOn = InAWeek },
        ];
        foreach (var partial in partials)
        {
            var r = await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new object[] { full, partial } }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var errors = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.All(errors.EnumerateObject(), e => Assert.StartsWith("items[1].", e.Name, StringComparison.Ordinal));
            Assert.NotEmpty(errors.EnumerateObject());
        }
    }

    /// <summary>Issue #10 item 4: only wholly empty plan rows (blank or spaces) are skipped; the filled rows around them are saved.</summary>
    [Fact]
    public async Task SavePlan_WhollyEmptyRows_AreSkipped()
    {
        var (_, worker, caseId) = await app.CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        var full = new { serviceType = "Other", description = "家访", responsible = "儿童主任", dueOn = InAWeek };
        var empty = new { serviceType = "", description = " ", responsible = "", dueOn = "" };
        await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new object[] { full, empty, full } }, Ct));
        var c = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(2, c.GetProperty("plan").GetProperty("items").GetArrayLength());
    }
}
