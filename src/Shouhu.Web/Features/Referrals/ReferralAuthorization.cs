using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>What may be done with a referral as its receiver, checked through <see cref="IAuthorizationService"/> with the referral as the resource.</summary>
public static class ReferralOperations
{
    /// <summary>Read the referral as the receiver sees it (<see cref="ReferralView"/>).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Accept, decline, record progress or complete (the status rules of <see cref="Referral.Refusal"/> apply after).</summary>
    public static readonly OperationAuthorizationRequirement Respond = new() { Name = nameof(Respond) };
}

/// <summary>
/// The referral-receiver rule (DESIGN C5, ADR-005) as a resource handler, after bitwarden's
/// <c>CollectionAuthorizationHandler</c>: an account reads and responds to a referral when it belongs to the organisation
/// the referral was sent to, in a role that handles referrals (<see cref="Roles.ReferralReceivers"/>). Case staff read a
/// referral through the case (<see cref="Cases.CaseAccess"/>), never respond. The jurisdiction — or, for a case that moved
/// away, <see cref="ReferralsAbroad"/> — has already decided whether the referral is found at all.
/// </summary>
public sealed class ReferralReceiverHandler : AuthorizationHandler<OperationAuthorizationRequirement, Referral>
{
    /// <summary>True when <paramref name="actor"/> receives <paramref name="r"/>: same organisation, a referral-handling role.</summary>
    public static bool IsReceiver(Referral r, Actor actor) => r.IsReceivedBy(actor.OrganizationId, actor.Role);

    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Referral resource)
    {
        if ((requirement.Name == ReferralOperations.Read.Name || requirement.Name == ReferralOperations.Respond.Name) && IsReceiver(resource, Actor.From(context.User)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
