using System.Globalization;
using Shouhu.Domain.Identity;

namespace Shouhu.Domain.Children;

/// <summary>
/// The Chinese name of every register value a user reads (issue #10 item 10): enum values of a child's record and the
/// fields of its history. Pages, the export and the history take their labels from here, never an English or internal
/// name. (Categories, their statuses, relations and guardian situations are named by <see cref="ChildCategory"/> and
/// <see cref="Guardian"/>.)
/// </summary>
public static class ChildNames
{
    /// <summary>就学状况.</summary>
    public static string Of(SchoolStatus s) => s switch
    {
        SchoolStatus.NotYetSchoolAge => "学龄前",
        SchoolStatus.Kindergarten => "在园",
        SchoolStatus.InSchool => "在校",
        SchoolStatus.NotInSchool => "未在校",
        _ => "未登记",
    };

    /// <summary>户籍性质.</summary>
    public static string Of(HouseholdKind k) => k switch
    {
        HouseholdKind.Rural => "农村户籍",
        HouseholdKind.Urban => "城镇户籍",
        _ => "未登记",
    };

    /// <summary>健康状况.</summary>
    public static string Of(HealthStatus h) => h switch
    {
        HealthStatus.Healthy => "健康",
        HealthStatus.ChronicIllness => "慢性病",
        HealthStatus.SeriousIllness => "大病/重病",
        _ => "未登记",
    };

    /// <summary>残疾类别 (GB/T 26341-2010).</summary>
    public static string Of(DisabilityType d) => d switch
    {
        DisabilityType.Visual => "视力残疾",
        DisabilityType.Hearing => "听力残疾",
        DisabilityType.Speech => "言语残疾",
        DisabilityType.Physical => "肢体残疾",
        DisabilityType.Intellectual => "智力残疾",
        DisabilityType.Mental => "精神残疾",
        _ => "多重残疾",
    };

    /// <summary>家庭收入情况.</summary>
    public static string Of(IncomeBand i) => i switch
    {
        IncomeBand.Dibao => "低保户",
        IncomeBand.ExtremePoverty => "特困供养",
        IncomeBand.NearDibao => "低保边缘",
        IncomeBand.Ordinary => "一般",
        _ => "未登记",
    };

    /// <summary>性别.</summary>
    public static string Of(Sex s) => SexText.ToChinese(s);

    /// <summary>就学情况 of the 2016 form.</summary>
    public static string Of(SchoolStage s) => s switch
    {
        SchoolStage.Kindergarten => "幼儿园",
        SchoolStage.NotEnrolled => "未入园",
        SchoolStage.Primary => "小学",
        SchoolStage.JuniorHigh => "初中",
        SchoolStage.SeniorHigh => "高中",
        SchoolStage.Vocational => "中职",
        SchoolStage.DroppedOut => "辍学",
        _ => "不在学",
    };

    /// <summary>监护类型 of the 2016 form.</summary>
    public static string Of(GuardianshipType g) => g switch
    {
        GuardianshipType.Unattended => "无人监护",
        GuardianshipType.ParentIncapable => "父或母无监护能力",
        GuardianshipType.CaregiverInsufficient => "受委托监护人监护能力不足",
        GuardianshipType.Fair => "监护情况一般",
        _ => "监护情况较好",
    };

    /// <summary>家庭经济来源, several joined with 、 (empty when none).</summary>
    public static string Of(IncomeSource sources) => string.Join("、", SchoolStages.Each(sources).Select(v => v switch
    {
        IncomeSource.Wages => "打工收入",
        IncomeSource.Farming => "种养殖业",
        IncomeSource.GovernmentAid => "政府救助",
        IncomeSource.RelativesHelp => "亲朋接济",
        _ => "其他",
    }));

    /// <summary>救助帮扶情况, several joined with 、 (empty when none).</summary>
    public static string Of(Assistance assistance) => string.Join("、", SchoolStages.Each(assistance).Select(v => v switch
    {
        Assistance.Dibao => "享受低保",
        Assistance.TemporaryAssistance => "临时救助",
        Assistance.MedicalAssistance => "医疗救助",
        Assistance.HousingAssistance => "住房救助",
        _ => "其他救助",
    }));

    /// <summary>是 / 否 / empty for a yes-no answer not recorded.</summary>
    public static string YesNo(bool? value) => value switch { true => "是", false => "否", null => "" };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "姓名", ["sex"] = "性别", ["citizenIdNumber"] = "身份证号", ["birthDate"] = "出生日期", ["ethnicityCode"] = "民族",
        ["residenceRegionCode"] = "居住地", ["address"] = "详细地址", ["householdRegionCode"] = "户籍地", ["householdKind"] = "户籍性质",
        ["schoolStatus"] = "就学状况", ["schoolName"] = "学校", ["grade"] = "年级", ["notInSchoolReason"] = "未在校原因",
        ["healthStatus"] = "健康状况", ["disabilityType"] = "残疾类别", ["disabilityGrade"] = "残疾等级",
        ["disabilityCertificateNumber"] = "残疾人证号", ["contactPhone"] = "联系电话", ["incomeBand"] = "家庭收入情况",
        ["housing"] = "住房情况", ["careCapacityNote"] = "家庭监护能力说明", ["entrustedCare"] = "委托照护人",
        ["entrustedCare.caregiverName"] = "委托照护人姓名", ["entrustedCare.relation"] = "委托照护人关系",
        ["entrustedCare.citizenIdNumber"] = "委托照护人身份证号", ["entrustedCare.phone"] = "委托照护人电话",
        ["entrustedCare.agreementDate"] = "委托协议日期", ["categories"] = "保护类别",
        ["householdRegistered"] = "是否登记户口", ["illnessType"] = "患病类型", ["boarding"] = "是否寄宿", ["schoolStage"] = "就学阶段",
        ["guardianshipType"] = "监护类型", ["incomeSources"] = "家庭经济来源", ["assistance"] = "救助帮扶情况",
        ["entrustedCare.address"] = "委托照护人居住地址",
    };

    /// <summary>
    /// The label of a history field as stored in <see cref="ChildRevision.Field"/>: <c>schoolStatus</c> → 就学状况,
    /// <c>categories.LeftBehind</c> → 保护类别·农村留守儿童, <c>guardians.父亲</c> → 家庭成员·父亲; an unknown field as stored.
    /// </summary>
    public static string FieldName(string field)
    {
        if (Fields.TryGetValue(field, out var name))
        {
            return name;
        }

        if (field.StartsWith("categories.", StringComparison.Ordinal) && Enum.TryParse<ProtectionCategory>(field["categories.".Length..], out var k))
        {
            return $"保护类别·{ChildCategory.ChineseName(k)}";
        }

        return field.StartsWith("guardians.", StringComparison.Ordinal) ? $"家庭成员·{field["guardians.".Length..]}" : field;
    }

    /// <summary>
    /// A history value as a user reads it: stored enum names (<c>InSchool</c>, <c>Rural</c>, <c>Male</c>, <c>Sibling</c>)
    /// become their Chinese names, an ethnicity code its group; other values (already Chinese, or free text) unchanged.
    /// </summary>
    public static string? ValueName(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return field switch
        {
            "schoolStatus" when Enum.TryParse<SchoolStatus>(value, out var s) => Of(s),
            "householdKind" when Enum.TryParse<HouseholdKind>(value, out var h) => Of(h),
            "healthStatus" when Enum.TryParse<HealthStatus>(value, out var hs) => Of(hs),
            "disabilityType" when Enum.TryParse<DisabilityType>(value, out var d) => Of(d),
            "incomeBand" when Enum.TryParse<IncomeBand>(value, out var i) => Of(i),
            "schoolStage" when Enum.TryParse<SchoolStage>(value, out var st) => Of(st),
            "guardianshipType" when Enum.TryParse<GuardianshipType>(value, out var gt) => Of(gt),
            "incomeSources" when Enum.TryParse<IncomeSource>(value, out var src) => Of(src),
            "assistance" when Enum.TryParse<Assistance>(value, out var a) => Of(a),
            "householdRegistered" or "boarding" when bool.TryParse(value, out var yes) => YesNo(yes),
            "sex" when Enum.TryParse<Sex>(value, out var x) => Of(x),
            "entrustedCare.relation" when Enum.TryParse<GuardianRelation>(value, out var r) => Guardian.RelationName(r),
            "ethnicityCode" => Ethnicity.NameOf(value) ?? value,
            "disabilityGrade" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var g) => $"{g}级",
            _ => value,
        };
    }
}
