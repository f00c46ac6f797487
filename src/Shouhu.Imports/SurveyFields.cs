namespace Shouhu.Imports;

/// <summary>
/// The columns a survey can have (issue #12 item 1): the register's record and the blanks of the 2016 national form
/// (民发〔2016〕42号 附件1 农村留守儿童基本情况登记表; ADR 012 lists them and where they were found). The fields of the sheet
/// 儿童 come first, then those of 家庭成员.
/// </summary>
public enum SurveyField
{
    /// <summary>序号: recognised and ignored.</summary>
    SerialNumber = 1,
    /// <summary>姓名.</summary>
    Name,
    /// <summary>性别: 男/女 or 1/2.</summary>
    Sex,
    /// <summary>民族: a name with or without 族, or the GB/T 3304 code.</summary>
    Ethnicity,
    /// <summary>出生日期.</summary>
    BirthDate,
    /// <summary>公民身份号码 (GB 11643-1999).</summary>
    CitizenIdNumber,
    /// <summary>是否登记户口 (survey only).</summary>
    HouseholdRegistered,
    /// <summary>户籍所在地: a region code (6 or 12 digits) or a village name inside the jurisdiction.</summary>
    HouseholdRegion,
    /// <summary>户籍性质: 农村/城镇.</summary>
    HouseholdKind,
    /// <summary>现居住地: the village (村/社区) by name or 12-digit code, inside the importer's jurisdiction.</summary>
    Residence,
    /// <summary>详细地址.</summary>
    Address,
    /// <summary>身体情况: 健康/残疾/患病.</summary>
    Health,
    /// <summary>残疾类别及等级, e.g. 肢体残疾二级.</summary>
    Disability,
    /// <summary>患病类型 (survey only, free text).</summary>
    IllnessType,
    /// <summary>是否学校寄宿 (survey only).</summary>
    Boarding,
    /// <summary>就学情况: 幼儿园/未入园/小学/初中/高中/中职/辍学/不在学.</summary>
    SchoolStage,
    /// <summary>学校.</summary>
    SchoolName,
    /// <summary>年级.</summary>
    Grade,
    /// <summary>未在校原因.</summary>
    NotInSchoolReason,
    /// <summary>联系电话 of the child's household.</summary>
    ContactPhone,
    /// <summary>祖父姓名.</summary>
    GrandfatherName,
    /// <summary>祖父出生日期 (survey only).</summary>
    GrandfatherBirthDate,
    /// <summary>祖母姓名.</summary>
    GrandmotherName,
    /// <summary>祖母出生日期 (survey only).</summary>
    GrandmotherBirthDate,
    /// <summary>外祖父姓名.</summary>
    MaternalGrandfatherName,
    /// <summary>外祖父出生日期 (survey only).</summary>
    MaternalGrandfatherBirthDate,
    /// <summary>外祖母姓名.</summary>
    MaternalGrandmotherName,
    /// <summary>外祖母出生日期 (survey only).</summary>
    MaternalGrandmotherBirthDate,
    /// <summary>父亲姓名.</summary>
    FatherName,
    /// <summary>父亲出生日期 (survey only).</summary>
    FatherBirthDate,
    /// <summary>父亲公民身份号码.</summary>
    FatherIdNumber,
    /// <summary>父亲当前务工地点 (to province and city).</summary>
    FatherWorkPlace,
    /// <summary>父亲联系电话.</summary>
    FatherPhone,
    /// <summary>父亲是否外出务工.</summary>
    FatherAway,
    /// <summary>父亲外出务工起始日期.</summary>
    FatherAwaySince,
    /// <summary>父亲务工地区划代码.</summary>
    FatherWorkRegion,
    /// <summary>父亲状况 (健在、死亡、服刑在押 …).</summary>
    FatherStatus,
    /// <summary>母亲姓名.</summary>
    MotherName,
    /// <summary>母亲出生日期 (survey only).</summary>
    MotherBirthDate,
    /// <summary>母亲公民身份号码.</summary>
    MotherIdNumber,
    /// <summary>母亲当前务工地点.</summary>
    MotherWorkPlace,
    /// <summary>母亲联系电话.</summary>
    MotherPhone,
    /// <summary>母亲是否外出务工.</summary>
    MotherAway,
    /// <summary>母亲外出务工起始日期.</summary>
    MotherAwaySince,
    /// <summary>母亲务工地区划代码.</summary>
    MotherWorkRegion,
    /// <summary>母亲状况.</summary>
    MotherStatus,
    /// <summary>父母双方同时外出: 是/否.</summary>
    BothParentsAway,
    /// <summary>父母一方外出、另一方无监护能力: 是/否.</summary>
    OneAwayOtherIncapable,
    /// <summary>无监护能力: 父亲/母亲 (survey only).</summary>
    IncapableParent,
    /// <summary>父母外出有无委托其他监护人: 是/否 (survey only).</summary>
    HasEntrustedCaregiver,
    /// <summary>受委托监护人姓名.</summary>
    CaregiverName,
    /// <summary>受委托监护人电话.</summary>
    CaregiverPhone,
    /// <summary>受委托监护人公民身份号码.</summary>
    CaregiverIdNumber,
    /// <summary>受委托监护人与被监护人关系.</summary>
    CaregiverRelation,
    /// <summary>受委托监护人居住地地址 (survey only).</summary>
    CaregiverAddress,
    /// <summary>监护类型 (survey only).</summary>
    GuardianshipType,
    /// <summary>家庭经济来源, several (survey only).</summary>
    IncomeSources,
    /// <summary>救助帮扶情况, several (survey only).</summary>
    Assistance,
    /// <summary>保护类别 claimed, one or several.</summary>
    Category,
    /// <summary>类别子类 (困境儿童's type).</summary>
    CategorySubType,
    /// <summary>家庭成员: 儿童身份证号 — the child's ID number, the key to the child's row.</summary>
    MemberChildIdNumber,
    /// <summary>家庭成员: 儿童行号 — the child's row number on the sheet 儿童, when the child has no ID number.</summary>
    MemberChildRow,
    /// <summary>家庭成员: 姓名.</summary>
    MemberName,
    /// <summary>家庭成员: 与儿童关系.</summary>
    MemberRelation,
    /// <summary>家庭成员: 公民身份号码.</summary>
    MemberIdNumber,
    /// <summary>家庭成员: 出生日期 (survey only).</summary>
    MemberBirthDate,
    /// <summary>家庭成员: 状况.</summary>
    MemberStatus,
    /// <summary>家庭成员: 是否监护人.</summary>
    MemberIsGuardian,
    /// <summary>家庭成员: 是否外出务工.</summary>
    MemberAway,
    /// <summary>家庭成员: 务工地点.</summary>
    MemberWorkPlace,
    /// <summary>家庭成员: 外出务工起始日期.</summary>
    MemberAwaySince,
    /// <summary>家庭成员: 务工地区划代码.</summary>
    MemberWorkRegion,
    /// <summary>家庭成员: 联系电话.</summary>
    MemberPhone,
}

/// <summary>
/// One column of the survey: its sheet, the header the template writes, the other headers that mean it (matched after
/// <see cref="SurveyText.HeaderKey"/>), and what 填表说明 says of it: meaning, allowed values, an example.
/// </summary>
public sealed record FieldInfo(SurveyField Field, string Sheet, string Header, IReadOnlyList<string> Synonyms, string Meaning, string Allowed, string Example);

/// <summary>The catalogue of <see cref="SurveyField"/>: every column, its headers and its explanation.</summary>
public static class SurveyFields
{
    /// <summary>The sheet of the children, one row per child.</summary>
    public const string ChildSheet = "儿童";

    /// <summary>The sheet of family members, each keyed by the child's ID number or row number.</summary>
    public const string FamilySheet = "家庭成员";

    /// <summary>The sheet of explanations.</summary>
    public const string InstructionsSheet = "填表说明";

    private const string Yes = "是 / 否";
    private const string DateForm = "日期，如 2014-02-28、2014.2.28、2014年2月28日、20140228";
    private const string IdForm = "18位公民身份号码（请把该列设为“文本”，否则 Excel 会丢失后三位）";
    private const string PhoneForm = "11位手机号或带区号的固定电话";

    private static readonly string[] IdSynonyms = ["身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "公民身份证号", "身份证", "证件号码"];
    private static readonly string[] NameSynonyms = ["姓名"];
    private static readonly string[] BirthSynonyms = ["出生日期", "出生年月", "出生年月日"];
    private static readonly string[] PhoneSynonyms = ["联系电话", "电话", "手机号", "联系方式"];

    /// <summary>Every column, the sheet 儿童's first, in the template's order.</summary>
    public static IReadOnlyList<FieldInfo> All { get; } = Build();

    /// <summary>The columns of one sheet (<see cref="ChildSheet"/> or <see cref="FamilySheet"/>), in the template's order.</summary>
    public static IReadOnlyList<FieldInfo> Of(string sheet) => All.Where(f => f.Sheet == sheet).ToList();

    /// <summary>The entry of a field.</summary>
    public static FieldInfo Info(SurveyField field) => All.First(f => f.Field == field);

    private static List<FieldInfo> Build()
    {
        var c = ChildSheet;
        var list = new List<FieldInfo>
        {
            new(SurveyField.SerialNumber, c, "序号", ["编号"], "行的序号，不导入", "任意", "1"),
            new(SurveyField.Name, c, "姓名", ["儿童姓名", "留守儿童姓名", "学生姓名", "未成年人姓名"], "儿童姓名（必填）", "汉字或字母，少数民族姓名中的间隔号写作 ·", "张小明"),
            new(SurveyField.Sex, c, "性别", [], "性别（必填）", "男 / 女（也可填 1 / 2）", "男"),
            new(SurveyField.Ethnicity, c, "民族", [], "民族", "民族名称（带或不带“族”），或 GB/T 3304 代码 01–56", "汉族"),
            new(SurveyField.BirthDate, c, "出生日期", ["出生年月", "出生年月日", "生日"], "出生日期（有身份证号时可不填）", DateForm, "2014-02-28"),
            new(SurveyField.CitizenIdNumber, c, "公民身份号码", [.. IdSynonyms, "儿童身份证号"], "儿童的公民身份号码", IdForm, "（18位号码）"),
            new(SurveyField.HouseholdRegistered, c, "是否登记户口", ["是否已登记户口", "有无户口"], "是否已登记户口", Yes, "是"),
            new(SurveyField.HouseholdRegion, c, "户籍所在地", ["户籍地", "户口所在地", "户籍地址"], "户籍所在地", "辖区内的村（社区）名称（可带乡镇名），或6位县级、12位村级区划代码", "（村名或区划代码）"),
            new(SurveyField.HouseholdKind, c, "户籍性质", ["户口性质", "户籍类型"], "户籍性质（认定农村留守儿童须为农村户籍）", "农村 / 城镇", "农村"),
            new(SurveyField.Residence, c, "现居住地", ["居住地址", "居住地", "现住址", "现居住地址", "所在村", "村", "村社区", "居住村"], "现居住的村（社区）（必填）", "辖区内的村（社区）名称（同名时写上乡镇名，如“某某镇某某村”），或12位区划代码", "（村名或区划代码）"),
            new(SurveyField.Address, c, "详细地址", ["门牌地址", "家庭住址"], "村以下的详细地址", "文字，200字以内", "3组12号"),
            new(SurveyField.Health, c, "身体情况", ["健康状况", "身体状况"], "身体情况", "健康 / 残疾 / 患病（患重特大疾病）/ 慢性病，可填多项", "健康"),
            new(SurveyField.Disability, c, "残疾类别及等级", ["残疾类别和等级", "残疾情况", "残疾类别"], "残疾类别及等级（GB/T 26341-2010）", "视力/听力/言语/肢体/智力/精神/多重残疾 + 一至四级，如 肢体残疾二级", ""),
            new(SurveyField.IllnessType, c, "患病类型", ["疾病名称", "患病情况"], "所患疾病（重特大疾病或严重精神障碍）", "文字", ""),
            new(SurveyField.Boarding, c, "是否学校寄宿", ["是否寄宿", "寄宿"], "是否在学校寄宿", Yes, "否"),
            new(SurveyField.SchoolStage, c, "就学情况", ["就学状况", "在学情况", "就读情况"], "就学情况", "幼儿园 / 未入园 / 小学 / 初中 / 高中 / 中职 / 辍学 / 不在学", "小学"),
            new(SurveyField.SchoolName, c, "学校", ["就读学校", "学校名称"], "就读学校（在校时填写）", "文字，100字以内", "某某镇中心小学"),
            new(SurveyField.Grade, c, "年级", ["就读年级"], "年级", "文字，如 三年级", "三年级"),
            new(SurveyField.NotInSchoolReason, c, "未在校原因", ["辍学原因"], "辍学或不在学的原因", "文字", ""),
            new(SurveyField.ContactPhone, c, "联系电话", ["电话", "手机号", "联系方式", "家庭联系电话"], "家庭联系电话", PhoneForm, "13800000000"),
        };

        foreach (var (field, who, birth) in new[]
                 {
                     (SurveyField.GrandfatherName, "祖父", SurveyField.GrandfatherBirthDate),
                     (SurveyField.GrandmotherName, "祖母", SurveyField.GrandmotherBirthDate),
                     (SurveyField.MaternalGrandfatherName, "外祖父", SurveyField.MaternalGrandfatherBirthDate),
                     (SurveyField.MaternalGrandmotherName, "外祖母", SurveyField.MaternalGrandmotherBirthDate),
                 })
        {
            list.Add(new(field, c, who + "姓名", Prefixed(who, NameSynonyms), $"{who}姓名（去世的填“—”）", "汉字或字母，或“—”", ""));
            list.Add(new(birth, c, who + "出生日期", Prefixed(who, BirthSynonyms), $"{who}出生日期", DateForm, ""));
        }

        foreach (var (who, name, birth, id, work, phone, away, since, region, status) in new[]
                 {
                     ("父亲", SurveyField.FatherName, SurveyField.FatherBirthDate, SurveyField.FatherIdNumber, SurveyField.FatherWorkPlace, SurveyField.FatherPhone, SurveyField.FatherAway, SurveyField.FatherAwaySince, SurveyField.FatherWorkRegion, SurveyField.FatherStatus),
                     ("母亲", SurveyField.MotherName, SurveyField.MotherBirthDate, SurveyField.MotherIdNumber, SurveyField.MotherWorkPlace, SurveyField.MotherPhone, SurveyField.MotherAway, SurveyField.MotherAwaySince, SurveyField.MotherWorkRegion, SurveyField.MotherStatus),
                 })
        {
            list.Add(new(name, c, who + "姓名", Prefixed(who, NameSynonyms), $"{who}姓名", "汉字或字母，或“—”", who == "父亲" ? "张大山" : "李小芳"));
            list.Add(new(birth, c, who + "出生日期", Prefixed(who, BirthSynonyms), $"{who}出生日期", DateForm, ""));
            list.Add(new(id, c, who + "公民身份号码", Prefixed(who, IdSynonyms), $"{who}的公民身份号码", IdForm, ""));
            list.Add(new(work, c, who + "当前务工地点", Prefixed(who, ["当前务工地点", "务工地点", "务工地", "务工地址"]), $"{who}当前务工地点（写到省、市）", "如 广东省深圳市", "广东省深圳市"));
            list.Add(new(phone, c, who + "联系电话", Prefixed(who, PhoneSynonyms), $"{who}联系电话", PhoneForm, ""));
            list.Add(new(away, c, who + "是否外出务工", Prefixed(who, ["是否外出务工", "是否外出"]), $"{who}是否外出务工", Yes, "是"));
            list.Add(new(since, c, who + "外出务工起始日期", Prefixed(who, ["外出务工起始日期", "外出起始日期", "外出时间"]), $"{who}外出务工的起始日期", DateForm, "2022-03-01"));
            list.Add(new(region, c, who + "务工地区划代码", Prefixed(who, ["务工地区划代码"]), $"{who}务工地的区划代码（认定农村留守儿童时须在本县以外）", "2、4、6、9或12位区划代码", "4403"));
            list.Add(new(status, c, who + "状况", Prefixed(who, ["状况", "情况"]), $"{who}的状况", StatusAllowed, "健在"));
        }

        list.AddRange(
        [
            new(SurveyField.BothParentsAway, c, "父母双方同时外出", ["父母双方外出", "父母均外出", "父母双方外出务工"], "父母双方是否同时外出务工", Yes, "是"),
            new(SurveyField.OneAwayOtherIncapable, c, "父母一方外出另一方无监护能力", ["一方外出另一方无监护能力"], "父母一方外出务工、另一方无监护能力", Yes, "否"),
            new(SurveyField.IncapableParent, c, "无监护能力", ["无监护能力的一方", "无监护能力一方"], "无监护能力的一方", "父亲 / 母亲", ""),
            new(SurveyField.HasEntrustedCaregiver, c, "父母外出有无委托其他监护人", ["有无委托其他监护人", "有无委托监护人", "是否委托监护"], "父母外出时有无委托其他监护人", Yes, "是"),
        ]);
        string[] caregiver = ["受委托监护人", "委托监护人", "受委托照护人", "委托照护人"];
        list.AddRange(
        [
            new(SurveyField.CaregiverName, c, "受委托监护人姓名", Prefixed(caregiver, NameSynonyms), "受委托监护人（照护人）姓名", "汉字或字母", "张老汉"),
            new(SurveyField.CaregiverPhone, c, "受委托监护人电话", Prefixed(caregiver, PhoneSynonyms), "受委托监护人电话", PhoneForm, "13900000000"),
            new(SurveyField.CaregiverIdNumber, c, "受委托监护人公民身份号码", Prefixed(caregiver, IdSynonyms), "受委托监护人的公民身份号码（须为成年人）", IdForm, ""),
            new(SurveyField.CaregiverRelation, c, "受委托监护人与被监护人关系", Prefixed(caregiver, ["与被监护人关系", "与儿童关系", "关系"]), "受委托监护人与儿童的关系", RelationAllowed, "祖父"),
            new(SurveyField.CaregiverAddress, c, "受委托监护人居住地地址", Prefixed(caregiver, ["居住地地址", "居住地址", "地址", "住址"]), "受委托监护人的居住地址", "文字，200字以内", ""),
            new(SurveyField.GuardianshipType, c, "监护类型", ["监护情况"], "监护类型（监护情况评估）", "无人监护 / 父或母无监护能力 / 受委托监护人监护能力不足 / 监护情况一般 / 监护情况较好", "监护情况较好"),
            new(SurveyField.IncomeSources, c, "家庭经济来源", ["经济来源", "家庭主要经济来源"], "家庭经济来源，可多选（用“、”隔开）", "打工收入 / 种养殖业 / 政府救助 / 亲朋接济 / 其他", "打工收入、种养殖业"),
            new(SurveyField.Assistance, c, "救助帮扶情况", ["救助帮扶", "享受救助情况"], "享受的救助帮扶，可多选（用“、”隔开）", "低保 / 临时救助 / 医疗救助 / 住房救助 / 其他救助", ""),
            new(SurveyField.Category, c, "保护类别", ["儿童类别", "类别", "申报类别"], "申报的保护类别，可多项（用“、”隔开）；不申报可不填", "孤儿 / 事实无人抚养儿童 / 农村留守儿童 / 困境儿童 / 流动儿童 / 残疾儿童", "农村留守儿童"),
            new(SurveyField.CategorySubType, c, "类别子类", ["困境儿童类型"], "困境儿童的类型", "家庭经济困难 / 自身残疾 / 监护缺失或不当", ""),
        ]);

        var f = FamilySheet;
        list.AddRange(
        [
            new(SurveyField.SerialNumber, f, "序号", ["编号"], "行的序号，不导入", "任意", "1"),
            new(SurveyField.MemberChildIdNumber, f, "儿童公民身份号码", ["儿童身份证号", "儿童身份证号码", "儿童公民身份证号码"], "该成员所属儿童的公民身份号码（与“儿童行号”二选一）", IdForm, ""),
            new(SurveyField.MemberChildRow, f, "儿童行号", ["儿童所在行", "儿童所在行号"], "儿童在“儿童”表中的行号（儿童没有身份证号时填写）", "整数，如 2", ""),
            new(SurveyField.MemberName, f, "姓名", ["成员姓名"], "家庭成员姓名（必填）", "汉字或字母", "张大山"),
            new(SurveyField.MemberRelation, f, "与儿童关系", ["关系", "称谓", "与被监护人关系"], "与儿童的关系（必填）", RelationAllowed, "父亲"),
            new(SurveyField.MemberIdNumber, f, "公民身份号码", IdSynonyms, "家庭成员的公民身份号码", IdForm, ""),
            new(SurveyField.MemberBirthDate, f, "出生日期", BirthSynonyms, "出生日期", DateForm, ""),
            new(SurveyField.MemberStatus, f, "状况", ["监护人状况", "情况"], "状况", StatusAllowed, "健在"),
            new(SurveyField.MemberIsGuardian, f, "是否监护人", ["是否为监护人"], "是否法定监护人（父母默认是）", Yes, "是"),
            new(SurveyField.MemberAway, f, "是否外出务工", ["是否外出"], "是否外出务工", Yes, "是"),
            new(SurveyField.MemberWorkPlace, f, "务工地点", ["当前务工地点", "务工地"], "务工地点（写到省、市）", "如 广东省深圳市", "广东省深圳市"),
            new(SurveyField.MemberAwaySince, f, "外出务工起始日期", ["外出起始日期", "外出时间"], "外出务工的起始日期", DateForm, "2022-03-01"),
            new(SurveyField.MemberWorkRegion, f, "务工地区划代码", [], "务工地区划代码", "2、4、6、9或12位区划代码", "4403"),
            new(SurveyField.MemberPhone, f, "联系电话", PhoneSynonyms, "联系电话", PhoneForm, ""),
        ]);
        return list;
    }

    private const string StatusAllowed = "健在 / 死亡 / 宣告失踪 / 失联 / 服刑在押 / 强制隔离戒毒 / 其他限制人身自由措施 / 重病 / 重残 / 被撤销监护资格 / 被遣送出境";
    private const string RelationAllowed = "父亲 / 母亲 / 祖父 / 祖母 / 外祖父 / 外祖母 / 兄弟姐妹 / 其他亲属 / 其他";

    private static string[] Prefixed(string who, IEnumerable<string> subs) => Prefixed([who], subs);

    private static string[] Prefixed(string[] whos, IEnumerable<string> subs) =>
        whos.SelectMany(w => subs.Select(s => w + s)).ToArray();
}
