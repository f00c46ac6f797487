using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>The audit trail of the administrator's jurisdiction, newest first.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class IndexModel(ShouhuDbContext db) : PageModel
{
    public string? Entity { get; private set; }
    public string? EntityId { get; private set; }
    public string? Actor { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + 99) / 100);

    /// <summary>Chinese names of the audited actions.</summary>
    public static string ActionName(string action) => action switch
    {
        "Create" => "新建", "Update" => "修改", "Delete" => "删除", "View" => "查看档案", "ViewHistory" => "查看修改记录", "List" => "查询名册",
        "Export" => "导出", "Login" => "登录", "LoginFailed" => "登录失败", "LoginLockedOut" => "登录被锁定", "LoginNotApproved" => "未审批登录",
        "Logout" => "退出", "ChangePassword" => "修改密码", "Register" => "注册", "Approve" => "批准账号", "DuplicateHit" => "重复核查命中",
        "DemoGenerate" => "生成演示数据", _ => action,
    };
    public List<AuditApi.AuditEntryResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(string? entity, string? entityId, string? actor, int? page, CancellationToken ct)
    {
        (Entity, EntityId, Actor) = (entity, entityId, actor);
        (Items, Total, var p, _) = await AuditApi.SearchAsync(db, null, entity, entityId, actor, null, page, 100, ct);
        PageNumber = p;
    }
}
