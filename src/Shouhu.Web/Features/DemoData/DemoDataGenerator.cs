using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.DemoData;

/// <summary>
/// Generates synthetic children over the real villages of the seeded regions, for demonstrations and benchmarks:
/// Chinese names, valid ID numbers consistent with birth date, sex and county, families, schooling, and protection
/// categories in believable proportions (left-behind children only in rural villages, with both parents working away
/// and a grandparent as entrusted caregiver). Idempotent: <see cref="EnsureAsync"/> tops the demo set up to N and never
/// duplicates. Every generated record is marked <c>CreatedBy = "demo"</c>. Nothing here is real personal data.
/// </summary>
public sealed class DemoDataGenerator(ShouhuDbContext db, TimeProvider clock, RegisterSettings settings)
{
    /// <summary>Marker of generated records.</summary>
    public const string Marker = "demo";

    private const int Chunk = 10_000;
    private const int BirthDays = 6570; // 18 years of birth dates

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "覃", "向", "欧阳", "上官", "司马",
    ];

    private static readonly string GivenBoy = "浩宇轩然子豪俊杰博文涛明辉志强伟建国家乐天佑睿泽一鸣晨阳思远嘉诚亦凡梓航";
    private static readonly string GivenGirl = "欣怡梓涵诗琪雨萱佳怡思彤语嫣心怡可馨紫涵一诺梦瑶婉婷雅琳晓燕丽娟秀英春梅";
    private static readonly string[] Uyghur = ["阿依古丽·买买提", "古丽娜尔·艾力", "买买提·吐尔逊", "艾力·阿不都"];

    /// <summary>Result: how many demo children existed, were added, and the time taken.</summary>
    public sealed record Result(int Existing, int Added, TimeSpan Elapsed);

    /// <summary>Makes the number of demo children at least <paramref name="count"/>; <paramref name="progress"/> hears each chunk.</summary>
    public async Task<Result> EnsureAsync(int count, int seed = 20261130, Action<int>? progress = null, CancellationToken ct = default)
    {
        var clockWatch = Stopwatch.StartNew();
        var existing = await db.Beyond<Child>(JurisdictionBypass.SystemTask).CountAsync(c => c.CreatedBy == Marker, ct);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == 5).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        if (villages.Count == 0 || existing >= count)
        {
            return new Result(existing, 0, clockWatch.Elapsed);
        }

        var today = ChinaTime.Today(clock);
        var now = DateTime.UtcNow;
        for (var start = existing; start < count; start += Chunk)
        {
            var end = Math.Min(count, start + Chunk);
            var random = new Random(HashCode.Combine(seed, start));
            var children = new List<Child>(end - start);
            var guardians = new List<Guardian>((end - start) * 2);
            var categories = new List<ChildCategory>();
            var cares = new List<EntrustedCare>();
            for (var i = start; i < end; i++)
            {
                MakeChild(i, random, villages, today, now, children, guardians, categories, cares);
            }

            await BulkInsert.InsertAsync(db, children, ct);
            await BulkInsert.InsertAsync(db, guardians, ct);
            await BulkInsert.InsertAsync(db, categories, ct);
            await BulkInsert.InsertAsync(db, cares, ct);
            progress?.Invoke(end);
        }

        // Fresh statistics after a bulk load, so the planner knows a name or an ID number is more selective than a region.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        db.RecordAudit("DemoGenerate", nameof(Child), null, db.Caller.JurisdictionCode ?? "", $"from={existing}; to={count}");
        await db.SaveChangesAsync(ct);
        return new Result(existing, count - existing, clockWatch.Elapsed);
    }

    private void MakeChild(int i, Random random, List<string> villages, DateOnly today, DateTime now,
        List<Child> children, List<Guardian> guardians, List<ChildCategory> categories, List<EntrustedCare> cares)
    {
        var village = villages[random.Next(villages.Count)];
        var rural = int.Parse(village.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) >= 200;
        // Birth date and sequence come from the index, so that ID numbers are unique for up to 3.2 million children.
        var birth = today.AddDays(-1 - (i % BirthDays));
        var male = random.Next(2) == 0;
        var sequence = ((i / BirthDays) % 500 * 2) + (male ? 1 : 0);
        var first17 = $"{village[..6]}{birth:yyyyMMdd}{sequence:000}";
        var age = ChinaTime.AgeOn(birth, today);
        var idNumber = age < 1 && random.Next(2) == 0 ? null : first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
        var surname = Surnames[random.Next(Surnames.Length)];
        var given = male ? GivenBoy : GivenGirl;
        var ethnicRoll = random.Next(1000);
        var (name, ethnicity) = ethnicRoll switch
        {
            < 5 => (Uyghur[random.Next(Uyghur.Length)], "05"),
            < 25 => (surname + given[random.Next(given.Length)] + given[random.Next(given.Length)], "03"),
            < 85 => (surname + given[random.Next(given.Length)] + given[random.Next(given.Length)], "15"),
            _ => (surname + given[random.Next(given.Length)] + (random.Next(3) == 0 ? "" : given[random.Next(given.Length)].ToString()), "01"),
        };

        var child = new Child
        {
            Name = name,
            Sex = male ? Sex.Male : Sex.Female,
            CitizenIdNumber = idNumber,
            BirthDate = birth,
            EthnicityCode = ethnicity,
            RegionCode = village,
            HouseholdRegionCode = village,
            HouseholdKind = rural ? HouseholdKind.Rural : HouseholdKind.Urban,
            SchoolStatus = age switch
            {
                < 3 => SchoolStatus.NotYetSchoolAge,
                < 6 => SchoolStatus.Kindergarten,
                _ => random.Next(100) < (age < 16 ? 98 : 85) ? SchoolStatus.InSchool : SchoolStatus.NotInSchool,
            },
            HealthStatus = random.Next(100) < 93 ? HealthStatus.Healthy : HealthStatus.ChronicIllness,
            ContactPhone = "13" + random.Next(0, 10) + random.Next(10_000_000, 99_999_999),
            IncomeBand = (IncomeBand)random.Next(1, 5),
            CreatedAt = now,
            CreatedBy = Marker,
        };
        if (child.SchoolStatus == SchoolStatus.InSchool)
        {
            child.SchoolName = age < 12 ? "中心小学" : "第一中学";
            child.Grade = age < 12 ? $"{age - 5}年级" : $"{age - 11}年级";
        }
        else if (child.SchoolStatus == SchoolStatus.NotInSchool)
        {
            child.NotInSchoolReason = "辍学";
        }

        var father = new Guardian { ChildId = child.Id, Name = surname + GivenBoy[random.Next(GivenBoy.Length)] + GivenBoy[random.Next(GivenBoy.Length)], Relation = GuardianRelation.Father, RegionCode = village };
        var mother = new Guardian { ChildId = child.Id, Name = Surnames[random.Next(Surnames.Length)] + GivenGirl[random.Next(GivenGirl.Length)] + GivenGirl[random.Next(GivenGirl.Length)], Relation = GuardianRelation.Mother, RegionCode = village };

        var roll = random.Next(10_000);
        ProtectionCategory? category = null;
        string? subType = null;
        if (roll < 25)
        {
            category = ProtectionCategory.Orphan;
            father.Status = mother.Status = GuardianStatus.Deceased;
        }
        else if (roll < 85)
        {
            category = ProtectionCategory.DeFactoUnsupported;
            (father.Status, mother.Status) = (GuardianStatus.Imprisoned, GuardianStatus.LostContact);
            // The facts the rule needs (ADR-009), dated before any category start (at most 700 days ago): a ten-year
            // sentence still being served; lost contact reported more than six months before.
            (father.ConditionSince, father.ConditionTermMonths) = (today.AddDays(-random.Next(900, 1500)), 120);
            mother.ConditionSince = today.AddDays(-random.Next(900, 1500));
        }
        else if (roll < 235)
        {
            category = ProtectionCategory.Disabled;
            child.DisabilityType = (DisabilityType)random.Next(1, 8);
            child.DisabilityGrade = random.Next(1, 5);
        }
        else if (roll < 635)
        {
            category = ProtectionCategory.InDistress;
            subType = CategoryRules.InDistressSubTypes[random.Next(CategoryRules.InDistressSubTypes.Count)];
        }
        else if (rural && age < 16 && roll < 2835)
        {
            category = ProtectionCategory.LeftBehind;
            MakeLeftBehind(child, father, mother, surname, age, random, today, cares);
        }
        else if (!rural && age < 16 && roll < 3135)
        {
            category = ProtectionCategory.Migrant;
        }

        if (category is { } k)
        {
            var statusRoll = random.Next(100);
            var from = birth > today.AddYears(-2) ? birth : today.AddDays(-random.Next(30, 700));
            categories.Add(new ChildCategory
            {
                ChildId = child.Id,
                Category = k,
                SubType = subType,
                ValidFrom = from < birth ? birth : from,
                ValidTo = CategoryRules.LastDay(k, birth, settings.MigrantAgeLimit),
                Status = statusRoll < 70 ? CategoryStatus.Verified : statusRoll < 85 ? CategoryStatus.TownshipVerified : CategoryStatus.Pending,
                SubmittedBy = Marker,
                SubmittedAt = now,
                RegionCode = village,
            });
        }

        children.Add(child);
        guardians.Add(father);
        guardians.Add(mother);
    }

    // A left-behind child as the 2016 survey records one (issue #12): both parents away, or one away and the other at home
    // without capacity; a stage, boarding, a caregiver by relation, the 监护类型, income sources and assistance in believable
    // proportions, so the 花名册 and the 汇总表 are not trivial on the demo data. About 1 in 20 has no stage recorded.
    private static void MakeLeftBehind(Child child, Guardian father, Guardian mother, string surname, int age, Random random, DateOnly today, List<EntrustedCare> cares)
    {
        var both = random.Next(100) < 70;
        Guardian[] away = both ? [father, mother] : random.Next(3) == 0 ? [mother] : [father];
        var dongguan = random.Next(2) == 0;
        foreach (var parent in away)
        {
            parent.IsWorkingAway = true;
            parent.WorkPlace = dongguan ? "广东省东莞市" : "浙江省义乌市";
            parent.WorkRegionCode = dongguan ? "441900" : "330782";
            parent.AwaySince = today.AddDays(-random.Next(900, 1500)); // away six months before any category start
        }

        if (!both)
        {
            (away[0] == father ? mother : father).LacksCapacity = true;
        }

        father.BirthDate = child.BirthDate.AddYears(-random.Next(24, 36)).AddDays(-random.Next(0, 365));
        mother.BirthDate = child.BirthDate.AddYears(-random.Next(22, 34)).AddDays(-random.Next(0, 365));

        SchoolStage stage = child.SchoolStatus switch
        {
            SchoolStatus.NotYetSchoolAge => SchoolStage.NotEnrolled,
            SchoolStatus.Kindergarten => random.Next(100) < 80 ? SchoolStage.Kindergarten : SchoolStage.NotEnrolled,
            SchoolStatus.NotInSchool => age >= 14 ? SchoolStage.NotInSchool : SchoolStage.DroppedOut,
            _ => age <= 11 ? SchoolStage.Primary : age <= 14 ? SchoolStage.JuniorHigh : random.Next(100) < 70 ? SchoolStage.SeniorHigh : SchoolStage.Vocational,
        };
        if (random.Next(20) > 0)
        {
            child.SchoolStage = stage;
            child.SchoolStatus = SchoolStages.StatusOf(stage);
        }

        child.Boarding = stage switch
        {
            SchoolStage.Primary => random.Next(100) < 25,
            SchoolStage.JuniorHigh => random.Next(100) < 60,
            SchoolStage.SeniorHigh or SchoolStage.Vocational => random.Next(100) < 80,
            _ => null,
        };
        child.HouseholdRegistered = true;
        if (child.HealthStatus == HealthStatus.ChronicIllness)
        {
            child.IllnessType = random.Next(2) == 0 ? "哮喘" : "先天性心脏病";
        }
        else if (random.Next(100) < 2)
        {
            (child.DisabilityType, child.DisabilityGrade) = (DisabilityType.Physical, random.Next(2, 5));
        }

        var careRoll = random.Next(100);
        GuardianRelation? caregiver = careRoll switch
        {
            < 30 => GuardianRelation.Grandmother,
            < 50 => GuardianRelation.Grandfather,
            < 62 => GuardianRelation.MaternalGrandmother,
            < 67 => GuardianRelation.MaternalGrandfather,
            < 77 => GuardianRelation.OtherRelative,
            < 80 => GuardianRelation.Sibling,
            _ => null,
        };
        if (!both && careRoll >= 50)
        {
            caregiver = null; // the parent at home is the nominal guardian: 父或母一方监护
        }

        if (caregiver is { } relation)
        {
            cares.Add(new EntrustedCare
            {
                ChildId = child.Id,
                CaregiverName = surname + relation switch { GuardianRelation.Grandmother => "奶奶", GuardianRelation.Grandfather => "爷爷", GuardianRelation.MaternalGrandmother => "外婆", GuardianRelation.MaternalGrandfather => "外公", GuardianRelation.Sibling => "大姐", _ => "婶婶" },
                Relation = relation,
                Phone = "15" + random.Next(0, 10) + random.Next(10_000_000, 99_999_999),
                AgreementDate = today.AddDays(-random.Next(30, 700)),
                Address = random.Next(2) == 0 ? "本村" + random.Next(1, 9) + "组" : null,
                RegionCode = child.RegionCode,
            });
        }

        var assessment = random.Next(100);
        child.GuardianshipType = caregiver is null
            ? (both ? GuardianshipType.Unattended : GuardianshipType.ParentIncapable)
            : assessment < 50 ? GuardianshipType.Good : assessment < 85 ? GuardianshipType.Fair : GuardianshipType.CaregiverInsufficient;
        child.IncomeSources = IncomeSource.Wages
            | (random.Next(100) < 50 ? IncomeSource.Farming : IncomeSource.None)
            | (random.Next(100) < 15 ? IncomeSource.GovernmentAid : IncomeSource.None)
            | (random.Next(100) < 10 ? IncomeSource.RelativesHelp : IncomeSource.None);
        child.Assistance = (random.Next(100) < 15 ? Assistance.Dibao : Assistance.None)
            | (random.Next(100) < 5 ? Assistance.TemporaryAssistance : Assistance.None)
            | (random.Next(100) < 5 ? Assistance.MedicalAssistance : Assistance.None)
            | (random.Next(100) < 3 ? Assistance.HousingAssistance : Assistance.None);
    }
}
