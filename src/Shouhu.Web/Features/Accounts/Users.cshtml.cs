using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Accounts of the caller's jurisdiction, pending registrations first, with approval.</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class UsersModel(ShouhuDbContext db) : PageModel
{
    public List<UserResponse> Users { get; private set; } = [];
    public Dictionary<string, string> RegionNames { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Approves a pending account of the jurisdiction; 404 for any other.</summary>
    public async Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct)
    {
        var user = await db.WithinJurisdiction(db.Users, u => u.JurisdictionCode).FirstOrDefaultAsync(u => u.Id == id && !u.IsApproved, ct);
        if (user is null)
        {
            return NotFound();
        }

        var approverRole = User.FindFirstValue(ClaimTypes.Role);
        if (user.Role == Domain.Accounts.Roles.SystemAdmin && approverRole != Domain.Accounts.Roles.SystemAdmin)
        {
            Message = $"只有系统管理员可以批准系统管理员账号 {user.UserName}。";
            await LoadAsync(ct);
            return Page();
        }

        user.IsApproved = true;
        user.ApprovedBy = db.Caller.ActorId;
        db.RecordAudit("Approve", "User", user.Id, user.JurisdictionCode);
        await db.SaveChangesAsync(ct);
        Message = $"已批准账号 {user.UserName}。";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await db.WithinJurisdiction(db.Users.AsNoTracking(), u => u.JurisdictionCode)
            .OrderBy(u => u.IsApproved).ThenBy(u => u.JurisdictionCode).ThenBy(u => u.UserName)
            .Take(500).ToListAsync(ct);
        Users = rows.Select(u => CreateUser.ToResponse(u, now)).ToList();
        var codes = Users.Select(u => u.JurisdictionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
