using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Organizations;

/// <summary>Body of <c>POST /api/v1/organizations</c>.</summary>
public sealed record CreateOrganizationRequest(string? Name, string? Kind, string? RegionCode, Guid? ParentOrganizationId);

/// <summary>An organisation.</summary>
public sealed record OrganizationResponse(Guid Id, string Name, string Kind, string RegionCode, Guid? ParentOrganizationId);

/// <summary>Outcome of <see cref="CreateOrganization"/>.</summary>
public sealed record CreateOrganizationOutcome(OrganizationResponse? Organization, ValidationErrors Errors, string? Forbidden);

/// <summary>Creates an organisation whose region lies in the caller's jurisdiction.</summary>
public sealed class CreateOrganization(ShouhuDbContext db)
{
    /// <summary>Validates and creates; 403-style outcome for a region outside the caller's jurisdiction.</summary>
    public async Task<CreateOrganizationOutcome> RunAsync(CreateOrganizationRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name", "单位名称不能为空，且不超过200个字符");
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add("name", "单位名称含有无效字符");
        }

        if (!EnumName.TryParse<OrganizationKind>(request.Kind, out var kind))
        {
            errors.Add("kind", $"单位类型应为 {string.Join(", ", Enum.GetNames<OrganizationKind>())} 之一");
        }

        var region = request.RegionCode?.Trim();
        if (!RegionCode.IsWellFormed(region))
        {
            errors.Add("regionCode", "区划代码应为2、4、6、9或12位数字");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors.Add("regionCode", $"区划代码 {region} 不存在");
        }

        if (request.ParentOrganizationId is { } parentId
            && await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == parentId, ct) is var parent
            && (parent is null || !db.Caller.CanSee(parent.RegionCode)))
        {
            errors.Add("parentOrganizationId", "上级单位不存在或不在您的辖区内");
        }

        if (!errors.IsEmpty)
        {
            return new(null, errors, null);
        }

        if (!db.Caller.CanSee(region))
        {
            return new(null, errors, $"区划 {region} 不在您的辖区 {db.Caller.JurisdictionCode} 之内");
        }

        if (await db.Organizations.AnyAsync(o => o.RegionCode == region && o.Name == name, ct))
        {
            errors.Add("name", $"该区划已有名为“{name}”的单位");
            return new(null, errors, null);
        }

        var org = new Organization { Name = name!, Kind = kind, RegionCode = region!, ParentOrganizationId = request.ParentOrganizationId, CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(org);
        db.RecordAudit("Create", "Organization", org.Id.ToString(), org.RegionCode);
        await db.SaveChangesAsync(ct);
        return new(ToResponse(org), errors, null);
    }

    /// <summary>Projects an organisation.</summary>
    public static OrganizationResponse ToResponse(Organization o) => new(o.Id, o.Name, o.Kind.ToString(), o.RegionCode, o.ParentOrganizationId);
}

/// <summary><c>/api/v1/organizations</c>.</summary>
public static class OrganizationsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations").RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", CreateAsync).WithSummary("创建单位（区划须在辖区之内）");
        group.MapGet("/", ListAsync).WithSummary("辖区内的单位");
    }

    /// <summary>Creates; 403 for a role that may not or a region outside the jurisdiction.</summary>
    public static async Task<Results<Created<OrganizationResponse>, ValidationProblem, ForbiddenProblem>> CreateAsync(
        CreateOrganizationRequest body, ClaimsPrincipal caller, CreateOrganization handler, CancellationToken ct)
    {
        if (!Roles.AccountManagers.Any(caller.IsInRole))
        {
            return OutcomeResults.Forbidden("您的角色不能创建单位。");
        }

        var outcome = await handler.RunAsync(body, ct);
        if (outcome.Forbidden is { } why)
        {
            return OutcomeResults.Forbidden(why);
        }

        return outcome.Organization is { } org
            ? TypedResults.Created($"/api/v1/organizations/{org.Id}", org)
            : TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "输入有误");
    }

    /// <summary>Organisations whose region lies in the caller's jurisdiction.</summary>
    public static async Task<Ok<List<OrganizationResponse>>> ListAsync(ShouhuDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await InJurisdiction(db).OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(ct)).Select(CreateOrganization.ToResponse).ToList());

    /// <summary>Organisations in the caller's subtree (organisations are not personal data, so scoped here rather than by the global filter).</summary>
    public static IQueryable<Organization> InJurisdiction(ShouhuDbContext db) =>
        db.WithinJurisdiction(db.Organizations.AsNoTracking(), o => o.RegionCode);
}
