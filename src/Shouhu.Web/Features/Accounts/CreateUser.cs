using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Body of <c>POST /api/v1/users</c> (API-CONTRACT.md) and of the admin page's form.</summary>
public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, string? Role, string? JurisdictionCode, Guid? OrganizationId);

/// <summary>An account as shown to administrators (no password, no security stamp).</summary>
public sealed record UserResponse(string Id, string UserName, string DisplayName, string Role, string JurisdictionCode, Guid? OrganizationId, bool IsApproved, bool IsLockedOut);

/// <summary>Outcome of <see cref="CreateUser"/>: created, invalid (field → messages), or forbidden (with the reason).</summary>
public sealed record CreateUserOutcome(UserResponse? User, ValidationErrors Errors, string? Forbidden);

/// <summary>
/// Creates an account in an organisation with a role and a jurisdiction that lies inside the creator's own
/// (DESIGN C1). Accounts created by an administrator are approved; self-registrations wait.
/// </summary>
public sealed class CreateUser(ShouhuDbContext db, UserManager<ShouhuUser> users)
{
    /// <summary>Validates and creates. Writes nothing unless every check passes.</summary>
    /// <param name="request">The form or body.</param>
    /// <param name="creatorRole">Role of the creator; null for a self-registration.</param>
    /// <param name="approved">True when an administrator creates the account.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<CreateUserOutcome> RunAsync(CreateUserRequest request, string? creatorRole, bool approved, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var userName = request.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            errors.Add("userName", "账号不能为空");
        }
        else if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@'))
        {
            errors.Add("userName", "账号应为3–64位英文字母、数字或 - . _ @");
        }

        if (PasswordRule.Check(request.Password) is { } pw)
        {
            errors.Add("password", pw);
        }

        var displayName = ChildRules.ValidName(request.DisplayName, "displayName", errors);

        var role = request.Role?.Trim();
        if (string.IsNullOrEmpty(role) || !Roles.All.Contains(role))
        {
            errors.Add("role", $"角色应为 {string.Join(", ", Roles.All)} 之一");
        }

        var jurisdiction = request.JurisdictionCode?.Trim();
        if (!RegionCode.IsWellFormed(jurisdiction))
        {
            errors.Add("jurisdictionCode", "辖区应为2、4、6、9或12位区划代码");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == jurisdiction, ct))
        {
            errors.Add("jurisdictionCode", $"区划代码 {jurisdiction} 不存在");
        }

        if (request.OrganizationId is { } orgId)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null || (!db.Caller.IsSystem && creatorRole is not null && !db.Caller.CanSee(org.RegionCode)))
            {
                errors.Add("organizationId", "所属单位不存在或不在您的辖区内");
            }
            else if (NeedsOrganization(role) && RegionCode.IsWellFormed(jurisdiction) && !RegionCode.IsWithin(org.RegionCode, jurisdiction!))
            {
                errors.Add("organizationId", $"所属单位须在账号辖区 {jurisdiction} 之内");
            }
        }
        else if (NeedsOrganization(role))
        {
            // A liaison or social worker acts for an organisation: referrals reach them through it (ADR-005).
            errors.Add("organizationId", "成员单位联络员和社工须选择所属单位（辖区内的单位）");
        }

        if (role is not null && Roles.All.Contains(role) && RegionCode.LevelOf(jurisdiction) is { } level && Roles.LevelProblem(role, level) is { } levelProblem)
        {
            errors.Add("jurisdictionCode", levelProblem);
        }

        if (creatorRole is null && role is Roles.SystemAdmin)
        {
            errors.Add("role", "系统管理员账号不能自行注册");
        }

        if (!errors.IsEmpty)
        {
            return new CreateUserOutcome(null, errors, null);
        }

        if (creatorRole is not null)
        {
            if (!Roles.AccountManagers.Contains(creatorRole))
            {
                return new CreateUserOutcome(null, errors, "您的角色不能创建账号");
            }

            if (role == Roles.SystemAdmin && creatorRole != Roles.SystemAdmin)
            {
                return new CreateUserOutcome(null, errors, "只有系统管理员可以创建系统管理员账号");
            }

            if (!db.Caller.CanSee(jurisdiction))
            {
                return new CreateUserOutcome(null, errors, $"辖区 {jurisdiction} 不在您的辖区 {db.Caller.JurisdictionCode} 之内");
            }
        }

        // Only now, once the caller may create an account there: whether a name is taken is not disclosed across jurisdictions.
        if (await users.FindByNameAsync(userName!) is not null)
        {
            errors.Add("userName", $"账号“{userName}”已被使用");
            return new CreateUserOutcome(null, errors, null);
        }

        var user = new ShouhuUser
        {
            UserName = userName,
            DisplayName = displayName!,
            Role = role!,
            JurisdictionCode = jurisdiction!,
            OrganizationId = request.OrganizationId,
            IsApproved = approved,
            ApprovedBy = approved ? db.Caller.ActorId : null,
            CreatedAt = DateTime.UtcNow,
        };

        // One save writes the account, its role and the audit entry together (no outer transaction: see ADR-002).
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        db.RecordAudit(approved ? "Create" : "Register", "User", user.Id, jurisdiction!, $"role={role}");
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            db.DiscardPendingAudit();
            foreach (var e in created.Errors)
            {
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description);
            }

            return new CreateUserOutcome(null, errors, null);
        }

        return new CreateUserOutcome(ToResponse(user, DateTimeOffset.UtcNow), errors, null);
    }

    /// <summary>True for the roles that act for an organisation (成员单位联络员, 社工): they need one inside their jurisdiction.</summary>
    public static bool NeedsOrganization(string? role) => role is Roles.MemberUnitLiaison or Roles.SocialWorker;

    /// <summary>Projects an account for administrators.</summary>
    public static UserResponse ToResponse(ShouhuUser u, DateTimeOffset now) =>
        new(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Role, u.JurisdictionCode, u.OrganizationId, u.IsApproved, u.LockoutEnd is { } end && end > now);
}
