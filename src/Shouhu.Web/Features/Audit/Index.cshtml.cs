using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>
/// The audit trail of the administrator's jurisdiction, newest first, read as who did what to whom (issue #10): display
/// names, Chinese actions and record kinds, the case's number and the account's or organisation's name instead of an
/// identifier, a child by masked name and village (<see cref="PersonalDataPolicy.MaskName"/>: the administrator does not
/// read the register, but must tell whose file was looked at), the place by its name, and the detail in Chinese.
/// The filter takes a record kind from a Chinese list; each record links to its own trail.
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed partial class IndexModel(ShouhuDbContext db, Shouhu.Web.Shared.RegionNames regionNames) : PageModel
{
    public string? Entity { get; private set; }
    public string? EntityId { get; private set; }
    public string? Actor { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + 99) / 100);
    public List<AuditApi.AuditEntryResponse> Items { get; private set; } = [];

    /// <summary>Display name of each acting account on the page (by account id).</summary>
    public Dictionary<string, string> ActorNames { get; private set; } = [];

    /// <summary>What each entry's record is called on the page (case number, account or organisation name), by entry sequence.</summary>
    public Dictionary<long, string> SubjectNames { get; private set; } = [];

    /// <summary>Name of each region code on the page (village, township, county…).</summary>
    public Dictionary<string, string> RegionNames { get; private set; } = [];

    /// <summary>The record kinds of the filter, stored name → Chinese.</summary>
    public static readonly IReadOnlyList<(string Entity, string Name)> Kinds =
    [
        ("Child", "儿童档案"), ("Case", "个案"), ("Report", "报告"), ("Referral", "转介"), ("Attachment", "附件"), ("User", "账号"),
        ("Organization", "机构"), ("Alert", "预警"), ("PreventionActivity", "预防教育活动"), ("CaseTransfer", "跨辖区移交"), ("AssessmentInstrument", "评估量表"),
    ];

    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["PreventionAttendance"] = "预防教育参加记录", ["RiskAssessment"] = "风险评估", ["HomeVisit"] = "走访", ["EntrustedCare"] = "委托照护",
        ["ChildCategory"] = "保护类别", ["Guardian"] = "家庭成员", ["Referral"] = "转介", ["ServiceRecord"] = "服务记录", ["GuardianshipMeasure"] = "监护措施",
        ["CaseEvent"] = "时间线记录", ["CasePlan"] = "个案计划", ["CasePlanItem"] = "计划服务项", ["CaseApproval"] = "审批", ["Attachment"] = "附件",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Status"] = "状态", ["UpdatedAt"] = "修改时间", ["UpdatedByName"] = "修改人", ["UpdatedBy"] = "修改人", ["RiskLevel"] = "风险等级", ["RegionCode"] = "所在地",
        ["AssignedWorkerId"] = "承办人", ["AssignedWorkerName"] = "承办人", ["SupervisorId"] = "督导", ["SupervisorName"] = "督导", ["PendingWorkerId"] = "移交接收人",
        ["PendingWorkerName"] = "移交接收人", ["PlanState"] = "计划审批", ["PlanSubmittedBy"] = "计划提交人", ["ClosureState"] = "结案审批", ["ClosureReason"] = "结案原因",
        ["ClosureNote"] = "结案说明", ["ClosingAssessment"] = "结案评估", ["ClosureRequestedBy"] = "结案申请人", ["FollowUpOn"] = "回访日期", ["ClosedAt"] = "结案时间",
        ["ChildId"] = "儿童", ["CaseId"] = "案件", ["ConcernTypes"] = "情形", ["Goals"] = "服务目标", ["Revision"] = "版本", ["Name"] = "姓名", ["Sex"] = "性别",
        ["CitizenIdNumber"] = "身份证号", ["BirthDate"] = "出生日期", ["Phone"] = "电话", ["Decision"] = "研判结果", ["DecisionReason"] = "研判意见",
        ["TriagedAt"] = "研判时间", ["TriagedBy"] = "研判人", ["TriagedByName"] = "研判人", ["ResponseDueAt"] = "研判时限", ["DueAt"] = "期限",
        ["RespondedAt"] = "答复时间", ["RespondedByName"] = "答复人", ["Feedback"] = "反馈", ["ActionsTaken"] = "办理情况", ["DeclineReason"] = "拒绝理由",
        ["VerificationStatus"] = "查验状态", ["EndedOn"] = "终止日期", ["StartedOn"] = "开始日期", ["PendingRegionCode"] = "移交至", ["ResidenceRegionCode"] = "居住地",
    };

    /// <summary>Chinese names of the audited actions.</summary>
    public static string ActionName(string action) => action switch
    {
        "Create" => "新建", "Update" => "修改", "Delete" => "删除", "View" => "查看", "ViewHistory" => "查看修改记录", "List" => "查询列表",
        "Export" => "导出", "Login" => "登录", "LoginFailed" => "登录失败", "LoginLockedOut" => "登录被锁定", "LoginNotApproved" => "未审批登录",
        "Logout" => "退出", "ChangePassword" => "修改密码", "Register" => "注册", "Approve" => "批准账号", "DuplicateHit" => "重复核查命中",
        "DemoGenerate" => "生成演示数据", "Run" => "运行", _ => "其他操作",
    };

    /// <summary>Chinese name of a record kind (<c>Child</c> → 儿童档案); "其他记录" for one not listed.</summary>
    public static string KindName(string entity) => Kinds.FirstOrDefault(k => k.Entity == entity).Name ?? Parts.GetValueOrDefault(entity) ?? "其他记录";

    /// <summary>
    /// The stored detail in Chinese: a part of a file (<c>CaseEvent:Create:id</c> → 时间线记录 新建), changed fields
    /// (<c>Status,UpdatedAt</c> → 状态、修改时间), identifiers left out; free text of a use case (a search's filter) as stored.
    /// </summary>
    public static string DetailText(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return string.Empty;
        }

        var parts = detail.Split(':');
        if (parts.Length >= 2 && Parts.TryGetValue(parts[0], out var part))
        {
            var fields = parts.Skip(2).FirstOrDefault(p => !Guid.TryParse(p, out _));
            return $"{part}：{ActionName(parts[1])}" + (fields is null ? string.Empty : "（" + FieldNames(fields) + "）");
        }

        if (FieldList().IsMatch(detail))
        {
            return "修改了：" + FieldNames(detail);
        }

        // Use-case details: references to other records by id are of no use to a reader; a role by its Chinese name; the
        // children a list held by their number (their digest is for `audit verify`, not for a reader).
        detail = RoleText().Replace(detail, m => "角色：" + Domain.Accounts.Roles.ChineseName(m.Groups[1].Value));
        detail = ChildrenText().Replace(detail, m => $"涉及儿童 {m.Groups[1].Value} 名");
        detail = string.Join("；", detail.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(UseCaseDetail));
        return GuidText().Replace(detail.Replace("child=", "儿童档案 ", StringComparison.Ordinal).Replace("case=", "个案 ", StringComparison.Ordinal).Replace("report=", "报告 ", StringComparison.Ordinal), "…");
    }

    private static readonly Dictionary<string, string> UseCaseWords = new(StringComparer.Ordinal)
    {
        ["due-visits"] = "待走访名单", ["intake-search"] = "登记报告时查找儿童", ["prevention"] = "预防教育活动名单", ["visits"] = "走访记录",
        ["assessments"] = "评估记录", ["box=inbox"] = "收到的转介", ["box=outgoing"] = "发出的转介", ["q=yes"] = "按姓名或身份证号查找",
        ["fullIdNumbers=yes"] = "含完整身份证号", ["categories=yes"] = "含保护类别",
    };

    private static readonly Dictionary<string, string> UseCaseKeys = new(StringComparer.Ordinal)
    {
        ["rows"] = "共 {0} 条", ["purpose"] = "用途：{0}", ["region"] = "区划 {0}", ["category"] = "类别 {0}", ["status"] = "状态 {0}",
        ["school"] = "就学 {0}", ["ageMin"] = "最小年龄 {0}", ["ageMax"] = "最大年龄 {0}", ["version"] = "版本 {0}", ["minimumPeople"] = "至少 {0} 人查验",
    };

    // One part of a use case's detail ("rows=3", "due-visits") in Chinese; a part not known stays as stored.
    private static string UseCaseDetail(string part)
    {
        if (UseCaseWords.TryGetValue(part, out var word))
        {
            return word;
        }

        var eq = part.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && UseCaseKeys.TryGetValue(part[..eq], out var format) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, part[(eq + 1)..]) : part;
    }

    private static string FieldNames(string fields)
    {
        var names = fields.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => Fields.GetValueOrDefault(f)).ToList();
        var known = names.OfType<string>().Distinct().ToList();
        var unknown = names.Count(n => n is null);
        return string.Join("、", known) + (unknown > 0 ? (known.Count > 0 ? "等" : string.Empty) + $"{unknown}项其他信息" : string.Empty);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+(,[A-Z][A-Za-z]+)*$")]
    private static partial Regex FieldList();

    [GeneratedRegex(@"children=([0-9]+):[0-9a-f]{64}")]
    private static partial Regex ChildrenText();

    [GeneratedRegex(@"role=([A-Za-z]+)")]
    private static partial Regex RoleText();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();

    public async Task OnGetAsync(string? entity, string? entityId, string? actor, int? page, CancellationToken ct)
    {
        (Entity, EntityId, Actor) = (entity, entityId, actor);
        (Items, Total, var p, _) = await AuditApi.SearchAsync(db, null, entity, entityId, actor, null, page, 100, ct);
        PageNumber = p;

        var accountIds = Items.Select(i => i.ActorId).Concat(Items.Where(i => i.Entity == "User").Select(i => i.EntityId ?? string.Empty)).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        ActorNames = accounts;
        var ids = Items.Select(i => Guid.TryParse(i.EntityId, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber }).ToDictionaryAsync(c => c.Id.ToString(), c => "个案 " + c.CaseNumber, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, ct);
        var childIds = Items.Where(i => i.Entity == "Child").Select(i => Guid.TryParse(i.EntityId, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct);
        RegionNames = await regionNames.NamesAsync(Items.Select(i => i.RegionCode).Concat(children.Select(c => c.RegionCode)).Where(r => !string.IsNullOrEmpty(r)).Distinct(), ct);
        var childNames = children.ToDictionary(c => c.Id.ToString(), c => $"儿童档案 {PersonalDataPolicy.MaskName(c.Name)}（{RegionNames.GetValueOrDefault(c.RegionCode) ?? c.RegionCode}）");
        foreach (var i in Items)
        {
            var id = i.EntityId ?? string.Empty;
            SubjectNames[i.Sequence] = i.Entity switch
            {
                "Case" when cases.TryGetValue(id, out var number) => number,
                "User" when accounts.TryGetValue(id, out var name) => "账号 " + name,
                "Organization" when organizations.TryGetValue(id, out var org) => "机构 " + org,
                "Child" when childNames.TryGetValue(id, out var child) => child,
                _ => KindName(i.Entity),
            };
        }
    }
}
