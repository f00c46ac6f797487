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
        ("ImportJob", "摸底排查导入"), ("ExportJob", "后台导出"),
    ];

    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["PreventionAttendance"] = "预防教育参加记录", ["RiskAssessment"] = "风险评估", ["HomeVisit"] = "走访", ["EntrustedCare"] = "委托照护",
        ["ChildCategory"] = "保护类别", ["Guardian"] = "家庭成员", ["Referral"] = "转介", ["ServiceRecord"] = "服务记录", ["GuardianshipMeasure"] = "监护措施",
        ["CaseEvent"] = "时间线记录", ["CasePlan"] = "个案计划", ["CasePlanItem"] = "计划服务项", ["CaseApproval"] = "审批", ["Attachment"] = "附件",
        ["AuditEntry"] = "审计记录", ["ShouhuUser"] = "账号", ["LeftBehindSummary"] = "农村留守儿童信息汇总表",
    };

    // Why a read went beyond the jurisdiction (JurisdictionBypass, ADR-007), as the "Bypass" entry's detail stores it.
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.Ordinal)
    {
        ["DuplicateCheck"] = "重复登记核查", ["OpenCaseCheck"] = "在办案件核查", ["CaseNumbering"] = "案件编号", ["IncomingTransfer"] = "待接收的移交",
        ["ReferralAbroad"] = "辖区外个案的转介", ["PreventionElsewhere"] = "在其他辖区参加的预防教育", ["AuditTrail"] = "审计记录查询", ["AuditChain"] = "审计链校验",
        ["SystemTask"] = "系统任务",
    };

    // Every field of an audited record (AuditNamesTests enumerates them from the EF model), as a changed-fields list names them.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["ActionsTaken"] = "办理情况", ["ActivityId"] = "活动", ["ActorId"] = "操作人", ["ActorName"] = "操作人", ["Address"] = "详细地址",
        ["AgreementDate"] = "委托协议日期", ["AnswersJson"] = "评估答案", ["Approved"] = "审批结果", ["AssessedAt"] = "评估时间", ["AssessedBy"] = "评估人",
        ["AssessedByName"] = "评估人", ["AssignedWorkerId"] = "承办人", ["AssignedWorkerName"] = "承办人", ["At"] = "时间", ["AwaySince"] = "外出务工起始日期",
        ["Basis"] = "认定依据", ["BirthDate"] = "出生日期", ["CareCapacityNote"] = "监护能力说明", ["CaregiverName"] = "受托照护人", ["CaseId"] = "案件",
        ["CaseNumber"] = "案件编号", ["Categories"] = "保护类别", ["Category"] = "保护类别", ["Channel"] = "渠道", ["ChildId"] = "儿童",
        ["CitizenIdNumber"] = "身份证号", ["CityCode"] = "所属市", ["ClosedAt"] = "结束时间", ["ClosedBy"] = "结束人", ["ClosingAssessment"] = "结案评估",
        ["ClosureNote"] = "结案说明", ["ClosureReason"] = "结案原因", ["ClosureRequestedBy"] = "结案申请人", ["ClosureState"] = "结案审批", ["Comment"] = "审批意见",
        ["CompletedAt"] = "办结时间", ["ConcernTypes"] = "情形", ["Concerns"] = "情形", ["ConditionSince"] = "情形起始日期", ["ConditionTermMonths"] = "刑期或期限（月）",
        ["ContactPhone"] = "联系电话", ["ContentType"] = "文件类型", ["CountyConfirmedAt"] = "县级确认时间", ["CountyConfirmedBy"] = "县级确认人",
        ["CreatedAt"] = "登记时间", ["CreatedBy"] = "登记人", ["DailyCare"] = "日常照料", ["DecidedAt"] = "审批时间", ["DecidedBy"] = "审批人",
        ["DecidedByName"] = "审批人", ["Decision"] = "研判结果", ["DecisionReason"] = "研判意见", ["DeclineReason"] = "拒绝理由", ["Description"] = "服务内容",
        ["DisabilityCertificateNumber"] = "残疾证号", ["DisabilityGrade"] = "残疾等级", ["DisabilityType"] = "残疾类别", ["DueAt"] = "期限", ["DueOn"] = "完成期限",
        ["DurationMinutes"] = "时长（分钟）", ["EmergencyOverride"] = "紧急情况直接评定", ["Employment"] = "就业情况", ["EndAssessmentId"] = "终止依据的评估",
        ["EndNote"] = "终止说明", ["EndOn"] = "结束日期", ["EndReason"] = "终止原因", ["EndedOn"] = "终止日期", ["EntrustedCare"] = "委托照护", ["EthnicityCode"] = "民族",
        ["Feedback"] = "反馈", ["FileName"] = "文件名", ["FollowUp"] = "后续跟进", ["FollowUpOn"] = "回访日期", ["Goals"] = "服务目标", ["Grade"] = "年级",
        ["Ground"] = "法定情形", ["GuardianPresent"] = "监护人在场", ["Guardians"] = "家庭成员", ["Health"] = "健康", ["HealthStatus"] = "健康状况",
        ["HeldOn"] = "活动日期", ["HouseholdKind"] = "户籍性质", ["HouseholdRegionCode"] = "户籍地", ["Housing"] = "住房情况", ["Id"] = "编号", ["Illness"] = "疾病",
        ["IncomeBand"] = "家庭收入", ["InstrumentVersion"] = "量表版本", ["IsGuardian"] = "是否监护人", ["IsWorkingAway"] = "外出务工", ["Items"] = "服务项",
        ["Kind"] = "类型", ["Level"] = "风险等级", ["Location"] = "地点", ["MetPersons"] = "见到的人", ["Name"] = "姓名", ["Narrative"] = "报告内容", ["Needs"] = "需求",
        ["NextDueOn"] = "下次评估日期", ["NotInSchoolReason"] = "未在校原因", ["Note"] = "说明", ["OpenedAt"] = "立案时间", ["OpenedBy"] = "立案人",
        ["OrganizationId"] = "接收机构", ["Organizer"] = "组织单位", ["Outcome"] = "成效", ["PendingRegionCode"] = "移交至", ["PendingRegionNote"] = "移交原因",
        ["PendingRegionRequestedAt"] = "提出移交时间", ["PendingRegionRequestedBy"] = "提出移交人", ["PendingRegionRequestedByName"] = "提出移交人",
        ["PendingWorkerId"] = "移交接收人", ["PendingWorkerName"] = "移交接收人", ["Phone"] = "电话", ["Placement"] = "安置方式", ["PlanId"] = "计划",
        ["PlanState"] = "计划审批", ["PlanSubmittedBy"] = "计划提交人", ["PoliceFeedbackAt"] = "公安反馈时间", ["PoliceFeedbackDueAt"] = "公安反馈期限",
        ["PoliceFeedbackNote"] = "公安反馈内容", ["PoliceReportedAt"] = "报警时间", ["PoliceReportedBy"] = "报警人", ["PoliceUnit"] = "接警公安机关",
        ["Provider"] = "服务提供方", ["Reason"] = "事由", ["ReceivedAt"] = "接报时间", ["RecordedAt"] = "记录时间", ["RecordedBy"] = "记录人",
        ["RecordedByName"] = "记录人", ["ReferralId"] = "转介", ["RegionCode"] = "所在地", ["Relation"] = "关系", ["ReportId"] = "报告",
        ["ReporterAnonymous"] = "匿名报告", ["ReporterName"] = "报告人姓名", ["ReporterOrganization"] = "报告人单位", ["ReporterPhone"] = "报告人电话",
        ["ReporterRelation"] = "报告人身份", ["RequestedBy"] = "申请人", ["ResidenceRegionCode"] = "居住地", ["RespondedAt"] = "答复时间", ["RespondedBy"] = "答复人",
        ["RespondedByName"] = "答复人", ["ResponseDueAt"] = "研判时限", ["Responsible"] = "负责人", ["Revision"] = "版本", ["RiskLevel"] = "风险等级",
        ["Safety"] = "安全", ["SchoolName"] = "学校", ["SchoolStatus"] = "就学状况", ["Schooling"] = "就学", ["Score"] = "评估得分", ["SentAt"] = "发送时间",
        ["SentBy"] = "发送人", ["SentByName"] = "发送人", ["Sequence"] = "序号", ["ServedOn"] = "服务日期", ["ServiceType"] = "服务类型", ["Sex"] = "性别",
        ["Sha256"] = "文件摘要", ["SharedInformation"] = "共享信息", ["SituationNote"] = "看到的情况", ["SizeBytes"] = "文件大小", ["StartOn"] = "开始日期",
        ["StartedOn"] = "开始日期", ["Status"] = "状态", ["StatusReason"] = "状态理由", ["SubType"] = "类别子项", ["Subject"] = "审批事项", ["SubjectId"] = "审批对象",
        ["SubmittedAt"] = "申报时间", ["SubmittedBy"] = "申报人", ["SupervisorId"] = "督导", ["SupervisorName"] = "督导", ["Text"] = "内容", ["Title"] = "标题",
        ["Topic"] = "主题", ["TownshipVerifiedAt"] = "乡镇查验时间", ["TownshipVerifiedBy"] = "乡镇查验人", ["TriagedAt"] = "研判时间", ["TriagedBy"] = "研判人",
        ["TriagedByName"] = "研判人", ["UnidentifiedChildAge"] = "儿童大约年龄", ["UnidentifiedChildDescription"] = "儿童特征",
        ["UnidentifiedChildName"] = "儿童姓名（未登记）", ["UnidentifiedChildSex"] = "儿童性别（未登记）", ["UpdatedAt"] = "修改时间", ["UpdatedBy"] = "修改人", ["UpdatedByName"] = "修改人", ["UploadedAt"] = "上传时间",
        ["UploadedBy"] = "上传人", ["UploadedByName"] = "上传人", ["Urgency"] = "紧急程度", ["ValidFrom"] = "有效期起", ["ValidTo"] = "有效期止",
        ["VerificationStatus"] = "查验状态", ["VisitedAt"] = "走访时间", ["VisitedBy"] = "走访人", ["VisitedByName"] = "走访人", ["WorkPlace"] = "务工地点",
        ["WorkRegionCode"] = "务工地区划", ["Year"] = "年度",
        ["HouseholdRegistered"] = "是否登记户口", ["IllnessType"] = "患病类型", ["Boarding"] = "是否寄宿", ["SchoolStage"] = "就学阶段",
        ["GuardianshipType"] = "监护类型", ["IncomeSources"] = "家庭经济来源", ["Assistance"] = "救助帮扶情况", ["LacksCapacity"] = "无监护能力",
    };

    /// <summary>Chinese names of the audited actions.</summary>
    public static string ActionName(string action) => action switch
    {
        "Create" => "新建", "Update" => "修改", "Delete" => "删除", "View" => "查看", "ViewHistory" => "查看修改记录", "List" => "查询列表",
        "Export" => "导出", "ExportDownload" => "下载导出文件", "Login" => "登录", "LoginFailed" => "登录失败", "LoginLockedOut" => "登录被锁定", "LoginNotApproved" => "未审批登录",
        "Logout" => "退出", "ChangePassword" => "修改密码", "Register" => "注册", "Approve" => "批准账号", "DuplicateHit" => "重复核查命中",
        "DemoGenerate" => "生成演示数据", "Run" => "运行", "ViewPrevention" => "查看预防教育记录", "Bypass" => "跨辖区读取",
        "ConfirmCategory" => "县级确认保护类别", "ImportUploaded" => "上传摸底排查表", "ImportValidated" => "核查摸底排查表",
        "ImportConfirmed" => "确认导入", "ImportRowsDecided" => "选择导入行的处理", "ImportCommitted" => "导入完成", "ImportRowsCommitted" => "导入登记儿童（一批）", "ImportMappingCorrected" => "更正摸底排查表的列", "ImportReport" => "下载核查报告", "Unlock" => "解锁账号", "Disable" => "停用账号", "Enable" => "启用账号", _ => "其他操作",
    };

    /// <summary>Chinese name of a record kind (<c>Child</c> → 儿童档案); "其他记录" for one not listed.</summary>
    public static string KindName(string entity) => Kinds.FirstOrDefault(k => k.Entity == entity).Name ?? Parts.GetValueOrDefault(entity) ?? "其他记录";

    /// <summary>
    /// The stored detail in Chinese: a part of a file (<c>CaseEvent:Create:id</c> → 时间线记录 新建), changed fields
    /// (<c>Status,UpdatedAt</c> → 状态、修改时间), identifiers left out; the purpose of a read beyond the jurisdiction
    /// (<paramref name="action"/> <c>Bypass</c>); free text of a use case (a search's filter) as stored.
    /// </summary>
    public static string DetailText(string? detail, string? action = null)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return string.Empty;
        }

        if (action == "Bypass")
        {
            return "用途：" + (Purposes.GetValueOrDefault(detail) ?? detail);
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
        ["fullIdNumbers=yes"] = "含完整身份证号", ["categories=yes"] = "含保护类别", ["outside-jurisdiction"] = "个案在辖区外",
        ["Accept"] = "接收转介", ["Decline"] = "拒绝转介", ["Progress"] = "记录办理情况", ["Complete"] = "办结反馈",
        ["password-right"] = "密码正确，但账号处于锁定期", ["unknown-account"] = "账号不存在", ["no-password"] = "账号未设置密码",
        ["exact-id"] = "身份证号相同", ["name-and-birth-or-guardian"] = "姓名、出生日期或监护人相同",
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

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+(,[A-Z][A-Za-z0-9]+)*$")]
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
