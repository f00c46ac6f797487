using Shouhu.Domain.Children;

namespace Shouhu.Imports;

/// <summary>The spellings each closed list of the survey accepts (matched after <see cref="SurveyText.HeaderKey"/>), and the allowed values as told to the user.</summary>
public static class SurveyValues
{
    /// <summary>户籍性质.</summary>
    public static readonly IReadOnlyList<(HouseholdKind, string[])> HouseholdKinds =
    [
        (HouseholdKind.Rural, ["农村", "农业", "农村户籍", "农业户口", "农村户口", "农业户籍"]),
        (HouseholdKind.Urban, ["城镇", "非农业", "城镇户籍", "非农业户口", "城镇户口", "城市", "居民户口"]),
    ];

    /// <summary>身体情况 (several may be ticked: 残疾 and 患病).</summary>
    public static readonly IReadOnlyList<(int, string[])> HealthAnswers =
    [
        (1, ["健康", "良好", "正常"]),
        (2, ["残疾"]),
        (3, ["患病", "重病", "大病", "重特大疾病"]),
        (4, ["慢性病", "一般慢性病"]),
    ];

    /// <summary>就学情况.</summary>
    public static readonly IReadOnlyList<(SchoolStage, string[])> SchoolStages =
    [
        (SchoolStage.Kindergarten, ["幼儿园", "在园", "入园"]),
        (SchoolStage.NotEnrolled, ["未入园", "学龄前", "散居"]),
        (SchoolStage.Primary, ["小学"]),
        (SchoolStage.JuniorHigh, ["初中"]),
        (SchoolStage.SeniorHigh, ["高中", "普通高中"]),
        (SchoolStage.Vocational, ["中职", "职高", "中专", "技校"]),
        (SchoolStage.DroppedOut, ["辍学"]),
        (SchoolStage.NotInSchool, ["不在学", "未在学", "失学", "未在校"]),
    ];

    /// <summary>监护类型.</summary>
    public static readonly IReadOnlyList<(GuardianshipType, string[])> GuardianshipTypes =
    [
        (GuardianshipType.Unattended, ["无人监护"]),
        (GuardianshipType.ParentIncapable, ["父或母无监护能力", "父母无监护能力"]),
        (GuardianshipType.CaregiverInsufficient, ["受委托监护人监护能力不足", "委托监护人监护能力不足", "监护能力不足"]),
        (GuardianshipType.Fair, ["监护情况一般", "一般"]),
        (GuardianshipType.Good, ["监护情况较好", "监情况较好", "较好"]),
    ];

    /// <summary>家庭经济来源.</summary>
    public static readonly IReadOnlyList<(IncomeSource, string[])> IncomeSources =
    [
        (IncomeSource.Wages, ["打工收入", "打工", "务工收入"]),
        (IncomeSource.Farming, ["种养殖业", "种植业", "养殖业", "种养殖"]),
        (IncomeSource.GovernmentAid, ["政府救助"]),
        (IncomeSource.RelativesHelp, ["亲朋接济", "亲友接济"]),
        (IncomeSource.Other, ["其他"]),
    ];

    /// <summary>救助帮扶情况.</summary>
    public static readonly IReadOnlyList<(Assistance, string[])> Assistances =
    [
        (Assistance.Dibao, ["低保", "享受低保"]),
        (Assistance.TemporaryAssistance, ["临时救助"]),
        (Assistance.MedicalAssistance, ["医疗救助"]),
        (Assistance.HousingAssistance, ["住房救助"]),
        (Assistance.Other, ["其他救助", "其他"]),
    ];

    /// <summary>与儿童关系.</summary>
    public static readonly IReadOnlyList<(GuardianRelation, string[])> Relations =
    [
        (GuardianRelation.Father, ["父亲", "父", "爸爸", "父子", "父女"]),
        (GuardianRelation.Mother, ["母亲", "母", "妈妈", "母子", "母女"]),
        (GuardianRelation.Grandfather, ["祖父", "爷爷"]),
        (GuardianRelation.Grandmother, ["祖母", "奶奶"]),
        (GuardianRelation.MaternalGrandfather, ["外祖父", "外公", "姥爷"]),
        (GuardianRelation.MaternalGrandmother, ["外祖母", "外婆", "姥姥"]),
        (GuardianRelation.Sibling, ["兄弟姐妹", "哥哥", "姐姐", "弟弟", "妹妹", "兄", "姐", "弟", "妹"]),
        (GuardianRelation.OtherRelative, ["其他亲属", "亲属", "叔叔", "伯父", "伯伯", "姑姑", "姑妈", "舅舅", "姨妈", "阿姨", "婶婶", "舅妈", "叔伯"]),
        (GuardianRelation.Other, ["其他", "邻居", "朋友", "老师"]),
    ];

    /// <summary>A guardian's 状况.</summary>
    public static readonly IReadOnlyList<(GuardianStatus, string[])> Statuses =
    [
        (GuardianStatus.Living, ["健在", "正常", "在世"]),
        (GuardianStatus.Deceased, ["死亡", "去世", "已故", "病故"]),
        (GuardianStatus.Missing, ["宣告失踪", "失踪"]),
        (GuardianStatus.LostContact, ["失联"]),
        (GuardianStatus.Imprisoned, ["服刑在押", "服刑", "在押"]),
        (GuardianStatus.CompulsoryRehab, ["强制隔离戒毒", "戒毒"]),
        (GuardianStatus.OtherRestriction, ["其他限制人身自由措施", "限制人身自由"]),
        (GuardianStatus.SevereIllness, ["重病"]),
        (GuardianStatus.SevereDisability, ["重残"]),
        (GuardianStatus.GuardianshipRevoked, ["被撤销监护资格", "撤销监护资格"]),
        (GuardianStatus.Deported, ["被遣送出境", "遣送出境"]),
    ];

    /// <summary>保护类别.</summary>
    public static readonly IReadOnlyList<(ProtectionCategory, string[])> Categories =
    [
        (ProtectionCategory.Orphan, ["孤儿"]),
        (ProtectionCategory.DeFactoUnsupported, ["事实无人抚养儿童", "事实无人抚养"]),
        (ProtectionCategory.LeftBehind, ["农村留守儿童", "留守儿童"]),
        (ProtectionCategory.InDistress, ["困境儿童"]),
        (ProtectionCategory.Migrant, ["流动儿童"]),
        (ProtectionCategory.Disabled, ["残疾儿童"]),
    ];

    /// <summary>无监护能力的一方.</summary>
    public static readonly IReadOnlyList<(GuardianRelation, string[])> Parents =
    [
        (GuardianRelation.Father, ["父亲", "父"]),
        (GuardianRelation.Mother, ["母亲", "母"]),
    ];

    /// <summary>The allowed values of a list as the message names them: the first spelling of each.</summary>
    public static string Allowed<T>(IReadOnlyList<(T, string[] Spellings)> list) => string.Join(" / ", list.Select(x => x.Spellings[0]));
}
