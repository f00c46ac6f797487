using System.Globalization;
using Shouhu.Domain.Identity;
using Shouhu.Imports;

namespace Shouhu.TestData;

/// <summary>A fault planted in a generated survey: its kind, and the sheet, Excel row and column header where the reader must name it.</summary>
public sealed record PlantedFault(string Kind, string Sheet, int Row, string Column);

/// <summary>A generated survey: the xlsx, the faults planted in it, the villages it names and the 统计截止日 it was made for.</summary>
public sealed record GeneratedSurvey(byte[] Content, IReadOnlyList<PlantedFault> Faults, VillageDirectory Villages, DateOnly AsOf, int Children, int Members);

/// <summary>
/// Generates a baseline survey in the template's layout (issue #12 "Done when"): <c>children</c> rows on 儿童 — valid
/// left-behind children with both parents working away and an entrusted grandparent, and children without an ID number
/// keyed by row — with two family members each on 家庭成员, and <c>faults</c> faults planted one per row, cycling through
/// <see cref="Kinds"/> (27 kinds). Every other row validates clean, so the reader must name exactly the planted faults.
/// Deterministic for a seed. Used by the unit tests, the benchmark and the lead's integration test.
/// </summary>
public static class SurveyGenerator
{
    /// <summary>The county of the generated villages (a made-up 湖南省 code).</summary>
    public const string County = "430799";

    /// <summary>The kinds of fault the generator plants.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "id-check-digit", "id-as-number", "sex-disagrees-with-id", "birth-disagrees-with-id", "sex-unknown", "ethnicity-unknown",
        "birth-not-a-date", "birth-month-only", "birth-in-future", "adult", "village-not-found", "village-ambiguous",
        "village-outside", "name-empty", "name-digits", "phone-bad", "father-id-bad", "caregiver-minor", "caregiver-relation-unknown",
        "disability-grade-bad", "disability-missing", "boarding-not-yes-no", "school-stage-unknown", "in-school-without-school",
        "guardianship-type-unknown", "income-source-unknown", "category-unknown", "father-away-in-future", "member-relation-unknown",
        "member-birth-bad", "member-child-missing",
    ];

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["小明", "小红", "子涵", "浩然", "欣怡", "梓轩", "雨桐", "宇航", "思琪", "俊杰", "诗涵", "博文", "佳怡", "一诺", "天佑"];

    /// <summary>The villages: 5 townships of 20 villages in <see cref="County"/>, 和平村 in two of them, 外县村 in the next county.</summary>
    public static IReadOnlyList<(string Code, string Name)> Regions()
    {
        var list = new List<(string, string)> { ("43", "湖南省"), ("4307", "常德市"), (County, "示例县"), ("430798", "外县"), ("430798100", "外镇"), ("430798100200", "外县村") };
        for (var t = 0; t < 5; t++)
        {
            var town = County + (100 + t).ToString(CultureInfo.InvariantCulture);
            list.Add((town, "甲乙丙丁戊"[t] + "镇"));
            for (var v = 0; v < 20; v++)
            {
                list.Add((town + (200 + v).ToString(CultureInfo.InvariantCulture), v == 0 && t < 2 ? "和平村" : $"{"甲乙丙丁戊"[t]}{v}村"));
            }
        }

        return list;
    }

    /// <summary>Generates the survey.</summary>
    /// <param name="children">Child rows.</param>
    /// <param name="faults">Faults to plant (at most one per row).</param>
    /// <param name="asOf">统计截止日.</param>
    /// <param name="seed">The random seed.</param>
    public static GeneratedSurvey Generate(int children, int faults, DateOnly asOf, int seed = 12)
    {
        var random = new Random(seed);
        var planted = new List<PlantedFault>();
        var childFields = SurveyFields.Of(SurveyFields.ChildSheet);
        var familyFields = SurveyFields.Of(SurveyFields.FamilySheet);
        string H(SurveyField f) => SurveyFields.Info(f).Header;
        var faultRows = new Dictionary<int, string>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var step = faults == 0 ? int.MaxValue : Math.Max(1, children / faults);
        for (var i = 0; i < faults; i++)
        {
            faultRows[2 + (i * step) + random.Next(step)] = Kinds[i % Kinds.Count];
        }

        var childRows = new List<SheetRowSpec> { new(childFields.Select(f => (object?)f.Header).ToList()) };
        var memberRows = new List<SheetRowSpec> { new(familyFields.Select(f => (object?)f.Header).ToList()) };
        for (var r = 2; r < children + 2; r++)
        {
            var kind = faultRows.GetValueOrDefault(r);
            var withId = kind is null ? r % 10 != 0 : kind is not ("birth-month-only" or "birth-in-future");

            var v = ValidChild(r, asOf, random, withId, usedIds);
            void Plant(SurveyField field, object? value, string? sheet = null, int? row = null, string? column = null)
            {
                if (sheet is null)
                {
                    v[field] = value;
                }

                planted.Add(new(kind!, sheet ?? SurveyFields.ChildSheet, row ?? r, column ?? H(field)));
            }

            switch (kind)
            {
                case "id-check-digit": Plant(SurveyField.CitizenIdNumber, WrongCheck((string)v[SurveyField.CitizenIdNumber]!)); break;
                case "id-as-number": Plant(SurveyField.CitizenIdNumber, double.Parse(((string)v[SurveyField.CitizenIdNumber]!).Replace('X', '0'), CultureInfo.InvariantCulture)); break;
                case "sex-disagrees-with-id": Plant(SurveyField.Sex, (string)v[SurveyField.Sex]! == "男" ? "女" : "男"); break;
                case "birth-disagrees-with-id": Plant(SurveyField.BirthDate, ((DateOnly)v[SurveyField.BirthDate]!).AddDays(3)); break;
                case "sex-unknown": Plant(SurveyField.Sex, "未知"); break;
                case "ethnicity-unknown": Plant(SurveyField.Ethnicity, "火星族"); break;
                case "birth-not-a-date": Plant(SurveyField.BirthDate, "2014-02-30"); break;
                case "birth-month-only": Plant(SurveyField.BirthDate, "2014.02"); break;
                case "birth-in-future": Plant(SurveyField.BirthDate, asOf.AddDays(20).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)); break;
                case "adult":
                    var adultBirth = asOf.AddYears(-19);
                    v[SurveyField.BirthDate] = adultBirth;
                    Plant(SurveyField.CitizenIdNumber, Id(County, adultBirth, (string)v[SurveyField.Sex]! == "男" ? 11 : 12));
                    break;
                case "village-not-found": Plant(SurveyField.Residence, "不存在村"); break;
                case "village-ambiguous": Plant(SurveyField.Residence, "和平村"); break;
                case "village-outside": Plant(SurveyField.Residence, "外县村"); break;
                case "name-empty": Plant(SurveyField.Name, null); break;
                case "name-digits": Plant(SurveyField.Name, "１２３"); break;
                case "phone-bad": Plant(SurveyField.ContactPhone, "12345"); break;
                case "father-id-bad": Plant(SurveyField.FatherIdNumber, WrongCheck((string)v[SurveyField.FatherIdNumber]!)); break;
                case "caregiver-minor": Plant(SurveyField.CaregiverIdNumber, Id(County, asOf.AddYears(-12), 31)); break;
                case "caregiver-relation-unknown": Plant(SurveyField.CaregiverRelation, "路人"); break;
                case "disability-grade-bad": Plant(SurveyField.Disability, "肢体残疾五级"); break;
                case "disability-missing": v[SurveyField.Health] = "残疾"; Plant(SurveyField.Disability, null); break;
                case "boarding-not-yes-no": Plant(SurveyField.Boarding, "有时"); break;
                case "school-stage-unknown": Plant(SurveyField.SchoolStage, "大学"); break;
                case "in-school-without-school": Plant(SurveyField.SchoolName, null); break;
                case "guardianship-type-unknown": Plant(SurveyField.GuardianshipType, "很好"); break;
                case "income-source-unknown": Plant(SurveyField.IncomeSources, "打工收入、炒股"); break;
                case "category-unknown": Plant(SurveyField.Category, "贫困儿童"); break;
                case "father-away-in-future": Plant(SurveyField.FatherAwaySince, asOf.AddMonths(2)); break;
            }

            // Family members join their child by the ID number as written (or by row, when there is none to read).
            var members = Members(v, r, withId && kind != "id-as-number", random);
            switch (kind)
            {                case "member-relation-unknown":
                    members[0][SurveyField.MemberRelation] = "干亲";
                    Plant(SurveyField.MemberRelation, null, SurveyFields.FamilySheet, memberRows.Count + 1, H(SurveyField.MemberRelation));
                    break;
                case "member-birth-bad":
                    members[0][SurveyField.MemberBirthDate] = "1960-13-01";
                    Plant(SurveyField.MemberBirthDate, null, SurveyFields.FamilySheet, memberRows.Count + 1, H(SurveyField.MemberBirthDate));
                    break;
                case "member-child-missing":
                    var missing = withId ? SurveyField.MemberChildIdNumber : SurveyField.MemberChildRow;
                    members[0][missing] = withId ? Id(County, new DateOnly(2015, 1, 1), 999) : (children + 100).ToString(CultureInfo.InvariantCulture);
                    Plant(missing, null, SurveyFields.FamilySheet, memberRows.Count + 1, H(missing));
                    break;
            }

            childRows.Add(new(childFields.Select(f => v.GetValueOrDefault(f.Field)).ToList()));
            foreach (var m in members)
            {
                memberRows.Add(new(familyFields.Select(f => m.GetValueOrDefault(f.Field)).ToList()));
            }
        }

        var content = new XlsxBuilder()
            .Sheet(SurveyFields.ChildSheet, childRows)
            .Sheet(SurveyFields.FamilySheet, memberRows)
            .Build();
        return new GeneratedSurvey(content, planted, new VillageDirectory(Regions(), County), asOf, children, memberRows.Count - 1);
    }

    /// <summary>A valid child row (field → cell value) on <paramref name="asOf"/>: a left-behind child with both parents away, or, without an ID number, a child claiming nothing.</summary>
    /// <param name="row">The row's number.</param>
    /// <param name="asOf">统计截止日.</param>
    /// <param name="random">The generator's random source.</param>
    /// <param name="withId">Whether the child has an ID number.</param>
    /// <param name="usedIds">The children's ID numbers given so far: a number is never given twice (the birth date moves a day back until it is new).</param>
    public static Dictionary<SurveyField, object?> ValidChild(int row, DateOnly asOf, Random random, bool withId = true, ISet<string>? usedIds = null)
    {
        var male = random.Next(2) == 0;
        var birth = asOf.AddDays(-random.Next(365 * 1, 365 * 15));
        var town = random.Next(5);
        var village = 1 + random.Next(19);
        var villageName = $"{"甲乙丙丁戊"[town]}{village}村";
        var villageText = random.Next(3) switch
        {
            0 => villageName,
            1 => "甲乙丙丁戊"[town] + "镇" + villageName,
            _ => County + (100 + town).ToString(CultureInfo.InvariantCulture) + (200 + village).ToString(CultureInfo.InvariantCulture),
        };
        var away = asOf.AddMonths(-7 - random.Next(60));
        var surname = Surnames[random.Next(Surnames.Length)];
        var v = new Dictionary<SurveyField, object?>
        {
            [SurveyField.SerialNumber] = row - 1,
            [SurveyField.Name] = surname + Given[random.Next(Given.Length)],
            [SurveyField.Sex] = male ? "男" : "女",
            [SurveyField.Ethnicity] = random.Next(4) == 0 ? "土家族" : "汉",
            [SurveyField.BirthDate] = birth,
            [SurveyField.HouseholdRegistered] = "是",
            [SurveyField.Residence] = villageText,
            [SurveyField.Address] = $"{random.Next(1, 12)}组{random.Next(1, 60)}号",
            [SurveyField.Health] = "健康",
            [SurveyField.Boarding] = "否",
            [SurveyField.SchoolStage] = "小学",
            [SurveyField.SchoolName] = "甲镇中心小学",
            [SurveyField.Grade] = "三年级",
            [SurveyField.ContactPhone] = "138" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            [SurveyField.GuardianshipType] = "监护情况较好",
            [SurveyField.IncomeSources] = "打工收入、种养殖业",
        };
        if (!withId)
        {
            v[SurveyField.BirthDate] = birth.ToString(random.Next(2) == 0 ? "yyyy.M.d" : "yyyy年M月d日", CultureInfo.InvariantCulture);
            return v;
        }

        var fatherBirth = new DateOnly(1980 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
        var motherBirth = new DateOnly(1982 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
        var grandBirth = new DateOnly(1950 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
        var id = Id(County, birth, (row % 900 * 2) + (male ? 1 : 0));
        while (usedIds is not null && !usedIds.Add(id))
        {
            birth = birth.AddDays(-1);
            v[SurveyField.BirthDate] = birth;
            id = Id(County, birth, (row % 900 * 2) + (male ? 1 : 0));
        }

        v[SurveyField.CitizenIdNumber] = id;
        v[SurveyField.HouseholdRegion] = villageText;
        v[SurveyField.HouseholdKind] = "农村";
        v[SurveyField.FatherName] = surname + "大山";
        v[SurveyField.FatherIdNumber] = Id(County, fatherBirth, 11);
        v[SurveyField.FatherBirthDate] = fatherBirth;
        v[SurveyField.FatherWorkPlace] = "广东省深圳市";
        v[SurveyField.FatherAway] = "是";
        v[SurveyField.FatherAwaySince] = away;
        v[SurveyField.FatherWorkRegion] = "4403";
        v[SurveyField.MotherName] = "李小芳";
        v[SurveyField.MotherIdNumber] = Id(County, motherBirth, 22);
        v[SurveyField.MotherAway] = "是";
        v[SurveyField.MotherAwaySince] = away.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        v[SurveyField.MotherWorkRegion] = "4419";
        v[SurveyField.BothParentsAway] = "是";
        v[SurveyField.HasEntrustedCaregiver] = "是";
        v[SurveyField.CaregiverName] = surname + "老汉";
        v[SurveyField.CaregiverIdNumber] = Id(County, grandBirth, 13);
        v[SurveyField.CaregiverRelation] = "祖父";
        v[SurveyField.CaregiverPhone] = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        v[SurveyField.GrandfatherName] = surname + "老汉";
        v[SurveyField.GrandfatherBirthDate] = grandBirth;
        v[SurveyField.Category] = birth > asOf.AddYears(-16) ? "农村留守儿童" : null;
        return v;
    }

    private static List<Dictionary<SurveyField, object?>> Members(Dictionary<SurveyField, object?> child, int row, bool withId, Random random)
    {
        object? key(SurveyField f) => withId ? (f == SurveyField.MemberChildIdNumber ? child[SurveyField.CitizenIdNumber] : null) : (f == SurveyField.MemberChildRow ? row : null);
        var surname = child[SurveyField.Name] is string { Length: > 0 } name ? name[..1] : "王";
        return
        [
            new()
            {
                [SurveyField.MemberChildIdNumber] = key(SurveyField.MemberChildIdNumber),
                [SurveyField.MemberChildRow] = key(SurveyField.MemberChildRow),
                [SurveyField.MemberName] = "王秀英",
                [SurveyField.MemberRelation] = "祖母",
                [SurveyField.MemberBirthDate] = new DateOnly(1952 + random.Next(8), 3, 8),
                [SurveyField.MemberStatus] = "健在",
            },
            new()
            {
                [SurveyField.MemberChildIdNumber] = key(SurveyField.MemberChildIdNumber),
                [SurveyField.MemberChildRow] = key(SurveyField.MemberChildRow),
                [SurveyField.MemberName] = surname + "小华",
                [SurveyField.MemberRelation] = "姐姐",
                [SurveyField.MemberStatus] = "健在",
                [SurveyField.MemberIsGuardian] = "否",
            },
        ];
    }

    /// <summary>A valid 18-character ID number (GB 11643-1999) for an address code, a birth date and a sequence (odd: male).</summary>
    public static string Id(string address, DateOnly birth, int sequence)
    {
        var first17 = address + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
    }

    private static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}
