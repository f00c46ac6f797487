using System.Net;
using Shouhu.Imports;
using Shouhu.Web.Features.Imports;

namespace Shouhu.IntegrationTests.Imports;

/// <summary><c>GET /api/v1/imports/template</c> (issue #12 item 4): the template for the roles that may register children.</summary>
public sealed class SurveyTemplateEndpointTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ChildDirector", ShouhuApp.VillageA)]
    [InlineData("ChildSupervisor", "430702001")]
    [InlineData("CivilAffairsOfficer", "430702")]
    public async Task Template_ByARegistryWriter_IsTheWorkbookTheReaderMaps(string role, string region)
    {
        using var client = await app.UserAsync(role, region);
        var response = await client.GetAsync("/api/v1/imports/template", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImportsApi.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var reading = SurveyReading.Open(bytes, null, out var refusal);
        Assert.Null(refusal);
        Assert.Empty(reading!.Children.Unmatched);
        Assert.Equal(SurveyFields.Of(SurveyFields.ChildSheet).Count, reading.Children.Columns.Count);
    }

    [Fact]
    public async Task Template_ByAHotlineOperator_Returns403()
    {
        using var hotline = await app.UserAsync("HotlineOperator", "4307");
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.GetAsync("/api/v1/imports/template", Ct)).StatusCode);
    }

    [Fact]
    public async Task Template_Anonymous_Returns401()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/imports/template", Ct)).StatusCode);
    }
}
