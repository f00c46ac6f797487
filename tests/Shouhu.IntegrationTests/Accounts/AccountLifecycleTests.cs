using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouhu.IntegrationTests.Audit;
using Shouhu.Web.Features.Audit;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Accounts;

/// <summary>An account over time: its token after a password change or lockout, and what self-registration may ask for.</summary>
public sealed class AccountLifecycleTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_StopsWorking_AfterPasswordChangeOrLockout()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "stampdir");
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("/api/v1/children", Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.ShouhuUser>>();
            var user = (await users.FindByNameAsync("stampdir"))!;
            Assert.True((await users.ChangePasswordAsync(user, ShouhuApp.UserPassword, "Changed#2026pw")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await director.GetAsync("/api/v1/children", Ct)).StatusCode);
    }

    [Fact]
    public async Task SelfRegistration_AskingForSystemAdminInAnySpelling_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<Web.Features.Accounts.CreateUser>();
        foreach (var role in new[] { "SystemAdmin", "SystemAdmin ", " SystemAdmin" })
        {
            var outcome = await create.RunAsync(new Web.Features.Accounts.CreateUserRequest($"selfadmin{role.Trim().Length}{role.Length}", ShouhuApp.UserPassword, "某", role, "4307", null), creatorRole: null, approved: false, Ct);
            Assert.Null(outcome.User);
            Assert.NotEmpty(outcome.Errors.For("role"));
        }
    }
}
