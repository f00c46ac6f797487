using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Referrals;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Referrals;

/// <summary>The referral-receiver rule as a resource handler: every role × operation × organisation, through <see cref="IAuthorizationService"/> (no database).</summary>
public sealed class ReferralAuthorizationTests
{
    private static readonly Guid Receiving = Guid.NewGuid();

    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging().AddAuthorization().AddSingleton<IAuthorizationHandler, ReferralReceiverHandler>()
        .BuildServiceProvider().GetRequiredService<IAuthorizationService>();

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var role in Roles.All)
        {
            foreach (var op in new[] { ReferralOperations.Read.Name, ReferralOperations.Respond.Name })
            {
                data.Add(role, op, true);
                data.Add(role, op, false);
            }
        }

        return data;
    }

    private static ClaimsPrincipal User(string role, Guid? organization) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "u1"),
        new Claim(ClaimTypes.Role, role),
        new Claim(HttpCallerContext.JurisdictionClaim, "430702"),
        .. organization is { } o ? new[] { new Claim(HttpCallerContext.OrganizationClaim, o.ToString()) } : [],
    ], "test"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReceiverRule_AllowsOnlyAReferralHandlingRoleOfTheReceivingOrganisation(string role, string operation, bool ofReceivingOrganisation)
    {
        var referral = new Referral { CaseId = Guid.NewGuid(), OrganizationId = Receiving, RegionCode = "430702001004", Reason = "请协助", SentBy = "s", SentByName = "s" };
        var requirement = operation == ReferralOperations.Read.Name ? ReferralOperations.Read : ReferralOperations.Respond;
        var result = await Authorization.AuthorizeAsync(User(role, ofReceivingOrganisation ? Receiving : Guid.NewGuid()), referral, requirement);
        var expected = ofReceivingOrganisation && role is Roles.MemberUnitLiaison or Roles.SocialWorker or Roles.CivilAffairsOfficer;
        Assert.Equal(expected, result.Succeeded);
    }

    [Fact]
    public async Task ReceiverRule_WithoutAnOrganisation_OrForAnotherOperation_Refuses()
    {
        var referral = new Referral { CaseId = Guid.NewGuid(), OrganizationId = Receiving, RegionCode = "430702001004", Reason = "请协助", SentBy = "s", SentByName = "s" };
        Assert.False((await Authorization.AuthorizeAsync(User(Roles.MemberUnitLiaison, null), referral, ReferralOperations.Respond)).Succeeded);
        Assert.False((await Authorization.AuthorizeAsync(User(Roles.MemberUnitLiaison, Receiving), referral, new OperationAuthorizationRequirement { Name = "Delete" })).Succeeded);
    }
}
