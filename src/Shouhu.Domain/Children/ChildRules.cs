using System.Globalization;
using System.Text;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;

namespace Shouhu.Domain.Children;

/// <summary>A child as submitted by a form, the API or an import: every field still text, nothing trusted.</summary>
public sealed record ChildInput(
    string? Name,
    string? Sex,
    string? CitizenIdNumber,
    string? BirthDate,
    string? EthnicityCode,
    string? ResidenceRegionCode,
    string? Address,
    IReadOnlyList<CategoryInput>? Categories = null,
    IReadOnlyList<GuardianInput>? Guardians = null,
    string? HouseholdRegionCode = null,
    string? HouseholdKind = null,
    string? SchoolStatus = null,
    string? SchoolName = null,
    string? Grade = null,
    string? NotInSchoolReason = null,
    string? HealthStatus = null,
    string? DisabilityType = null,
    int? DisabilityGrade = null,
    string? DisabilityCertificateNumber = null,
    string? ContactPhone = null,
    string? IncomeBand = null,
    string? Housing = null,
    string? CareCapacityNote = null,
    EntrustedCareInput? EntrustedCare = null,
    bool? HouseholdRegistered = null,
    string? IllnessType = null,
    bool? Boarding = null,
    string? SchoolStage = null,
    string? GuardianshipType = null,
    IReadOnlyList<string>? IncomeSources = null,
    IReadOnlyList<string>? Assistance = null);

/// <summary>A protection category as submitted.</summary>
public sealed record CategoryInput(string? Category, string? SubType = null, string? ValidFrom = null, string? Basis = null);

/// <summary>
/// A guardian or family member as submitted; <c>Version</c> is the one read, required to change one (ignored when adding).
/// The facts of a condition (ADR-009, <see cref="GuardianConditions"/>): <c>ConditionSince</c> a date (not after today, not
/// for 健在), <c>ConditionTermMonths</c> whole months 1–600 (服刑在押, 强制隔离戒毒, 其他限制人身自由 only), <c>DisabilityType</c>
/// and <c>DisabilityGrade</c> 1–4 together, <c>Illness</c> a name of the configured list; for working away <c>AwaySince</c>
/// (not after today) and <c>WorkRegionCode</c> (a region code of 2, 4, 6, 9 or 12 digits).
/// </summary>
public sealed record GuardianInput(
    string? Name,
    string? Relation,
    string? CitizenIdNumber = null,
    string? Status = null,
    bool? IsGuardian = null,
    bool? IsWorkingAway = null,
    string? WorkPlace = null,
    string? Employment = null,
    string? HealthStatus = null,
    string? Phone = null,
    Guid? Version = null,
    string? ConditionSince = null,
    int? ConditionTermMonths = null,
    string? DisabilityType = null,
    int? DisabilityGrade = null,
    string? Illness = null,
    string? AwaySince = null,
    string? WorkRegionCode = null,
    string? BirthDate = null,
    bool? LacksCapacity = null);

/// <summary>The entrusted caregiver of a left-behind child as submitted; <c>Address</c> is the 2016 form's 居住地地址 (≤ 200 characters).</summary>
public sealed record EntrustedCareInput(string? CaregiverName, string? Relation, string? CitizenIdNumber = null, string? Phone = null, string? AgreementDate = null, string? Address = null);

/// <summary>Field-keyed validation messages (keys in the API's camelCase, e.g. <c>guardians[0].citizenIdNumber</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Number of messages added so far.</summary>
    public int Count => _errors.Values.Sum(l => l.Count);

    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>The messages of one field (empty when none).</summary>
    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var l) ? l : [];

    /// <summary>The shape of RFC 9457 <c>errors</c>: field → messages.</summary>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// Registration rules of a child record (DOMAIN.md §8, DESIGN §4): name, sex, the citizen ID number per GB 11643-1999
/// agreeing with birth date and sex, a minor (under 18 on <c>today</c> in China), a well-formed village code.
/// Region existence and jurisdiction are checked by the caller, which has the database.
/// </summary>
public static class ChildRules
{
    /// <summary>Longest name accepted, in Unicode characters (a rare character outside the BMP counts once).</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most guardians and family members on one record.</summary>
    public const int MaxFamilyMembers = 20;

    /// <summary>Age at which every minor category ends (Minor Protection Law art. 2).</summary>
    public const int AdultAge = 18;

    /// <summary>
    /// Validates <paramref name="input"/>; returns the record to store (without id or audit fields) or null, with every problem in <paramref name="errors"/>.
    /// </summary>
    /// <param name="input">The record as submitted.</param>
    /// <param name="today">Today's date in China.</param>
    /// <param name="errors">Where the problems go.</param>
    /// <param name="settings">The city's rules (the catastrophic-illness list); <see cref="RegisterSettings.Default"/> when null.</param>
    public static Child? Validate(ChildInput input, DateOnly today, ValidationErrors errors, RegisterSettings? settings = null)
    {
        var name = ValidName(input.Name, "name", errors);

        var sex = SexText.Parse(input.Sex);
        if (sex is null)
        {
            errors.Add("sex", string.IsNullOrWhiteSpace(input.Sex) ? "请选择性别" : "性别应为 male（男）或 female（女）");
        }

        DateOnly? birth = null;
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (DateText.TryParse(input.BirthDate, out var b))
            {
                birth = b;
                if (b > today)
                {
                    errors.Add("birthDate", "出生日期不能晚于今天");
                    birth = null;
                }
            }
            else
            {
                errors.Add("birthDate", "出生日期不是有效日期（格式如 2014-02-28）");
            }
        }

        string? idValue = null;
        if (!string.IsNullOrWhiteSpace(input.CitizenIdNumber))
        {
            if (!CitizenIdNumber.TryParse(input.CitizenIdNumber, today, out var id, out var idError))
            {
                errors.Add("citizenIdNumber", idError!);
            }
            else if (id!.UpgradedFromLegacy)
            {
                errors.Add("citizenIdNumber", "15位旧身份证号于1999年前签发，只可能属于成年人，不能用于儿童");
            }
            else
            {
                idValue = id.Value;
                if (id.DisagreementWith(birth, sex) is { } disagreement)
                {
                    errors.Add(birth is { } bb && bb != id.BirthDate ? "birthDate" : "sex", disagreement);
                }

                birth ??= id.BirthDate;
            }
        }
        else if (string.IsNullOrWhiteSpace(input.BirthDate))
        {
            errors.Add("birthDate", "没有身份证号时必须填写出生日期");
        }

        if (birth is { } birthDate && ChinaTime.AgeOn(birthDate, today) >= AdultAge)
        {
            errors.Add(idValue is null ? "birthDate" : "citizenIdNumber", $"按出生日期 {birthDate:yyyy-MM-dd} 已满18周岁，不是未成年人");
        }

        string? ethnicity = null;
        if (!string.IsNullOrWhiteSpace(input.EthnicityCode))
        {
            ethnicity = input.EthnicityCode.Trim();
            if (Ethnicity.NameOf(ethnicity) is null)
            {
                errors.Add("ethnicityCode", "民族代码应为 GB/T 3304 的 01–56");
            }
        }

        var region = input.ResidenceRegionCode?.Trim();
        if (string.IsNullOrEmpty(region))
        {
            errors.Add("residenceRegionCode", "请选择居住地（村/社区）");
        }
        else if (!RegionCode.IsWellFormed(region) || RegionCode.LevelOf(region) != 5)
        {
            errors.Add("residenceRegionCode", "居住地应为12位村（社区）级区划代码");
        }

        var address = Text(input.Address, "address", "详细地址", 200, errors);

        var household = input.HouseholdRegionCode?.Trim();
        if (string.IsNullOrEmpty(household))
        {
            household = null;
        }
        else if (household.Length is not (6 or 12) || !RegionCode.IsWellFormed(household) || !IsProvincePrefix(household))
        {
            errors.Add("householdRegionCode", "户籍地应为6位县级或12位村级区划代码，前两位为省级代码（11–65、71、81、82）");
        }

        var householdKind = ParseEnum<HouseholdKind>(input.HouseholdKind, "householdKind", "户籍性质", errors);
        var schoolStatus = ParseEnum<SchoolStatus>(input.SchoolStatus, "schoolStatus", "就学状况", errors);
        SchoolStage? stage = string.IsNullOrWhiteSpace(input.SchoolStage) ? null : ParseEnum<SchoolStage>(input.SchoolStage, "schoolStage", "就学阶段", errors);
        if (stage is { } st && errors.For("schoolStatus").Count == 0)
        {
            // The stage is the one source of truth where recorded (ADR-012): the status follows from it and may not contradict it.
            var implied = SchoolStages.StatusOf(st);
            if (schoolStatus != Children.SchoolStatus.Unknown && schoolStatus != implied)
            {
                errors.Add("schoolStage", $"就学阶段“{ChildNames.Of(st)}”与就学状况“{ChildNames.Of(schoolStatus)}”不一致（应为“{ChildNames.Of(implied)}”）");
            }

            schoolStatus = implied;
        }

        var schoolName = Text(input.SchoolName, "schoolName", "学校", 100, errors);
        var grade = Text(input.Grade, "grade", "年级", 20, errors);
        var notInSchoolReason = Text(input.NotInSchoolReason, "notInSchoolReason", "未在校原因", 200, errors);
        // A recorded stage stands for the school (小学…中职) and the reason (辍学/不在学): the 2016 form records the stage only.
        if (schoolStatus == Children.SchoolStatus.InSchool && stage is null && string.IsNullOrWhiteSpace(input.SchoolName))
        {
            errors.Add("schoolName", "在校儿童须填写学校");
        }

        if (schoolStatus == Children.SchoolStatus.NotInSchool && stage is null && string.IsNullOrWhiteSpace(input.NotInSchoolReason))
        {
            errors.Add("notInSchoolReason", "未在校须填写原因（辍学、失学、休学等）");
        }

        if (input.Boarding == true && schoolStatus is not (Children.SchoolStatus.InSchool or Children.SchoolStatus.Kindergarten))
        {
            errors.Add("boarding", "只有在校或在园的儿童可登记为寄宿");
        }

        var health = ParseEnum<HealthStatus>(input.HealthStatus, "healthStatus", "健康状况", errors);
        DisabilityType? disabilityType = string.IsNullOrWhiteSpace(input.DisabilityType) ? null : ParseEnum<DisabilityType>(input.DisabilityType, "disabilityType", "残疾类别", errors);
        if (input.DisabilityGrade is { } g0 && g0 is < 1 or > 4)
        {
            errors.Add("disabilityGrade", "残疾等级应为1–4级");
        }

        if ((disabilityType is null) != (input.DisabilityGrade is null))
        {
            errors.Add(disabilityType is null ? "disabilityType" : "disabilityGrade", "残疾类别和等级须同时填写");
        }

        var certificate = Text(input.DisabilityCertificateNumber, "disabilityCertificateNumber", "残疾人证号", 30, errors);
        var phone = PhoneNumber.Normalize(input.ContactPhone, out var phoneError);
        if (phoneError is not null)
        {
            errors.Add("contactPhone", phoneError);
        }

        var illnessType = Text(input.IllnessType, "illnessType", "患病类型", 100, errors);
        if (illnessType is not null && health is not (Children.HealthStatus.ChronicIllness or Children.HealthStatus.SeriousIllness))
        {
            errors.Add("illnessType", "健康状况为慢性病或大病/重病时才填写患病类型");
        }

        GuardianshipType? guardianshipType = string.IsNullOrWhiteSpace(input.GuardianshipType) ? null : ParseEnum<GuardianshipType>(input.GuardianshipType, "guardianshipType", "监护类型", errors);
        var incomeSources = Flags<IncomeSource>(input.IncomeSources, "incomeSources", "家庭经济来源", errors);
        var assistance = Flags<Assistance>(input.Assistance, "assistance", "救助帮扶情况", errors);
        var income = ParseEnum<IncomeBand>(input.IncomeBand, "incomeBand", "家庭收入情况", errors);
        var housing = Text(input.Housing, "housing", "住房情况", 200, errors);
        var careNote = Text(input.CareCapacityNote, "careCapacityNote", "家庭监护能力说明", 2000, errors);

        EntrustedCare? entrusted = null;
        if (input.EntrustedCare is { } ec && !(string.IsNullOrWhiteSpace(ec.CaregiverName) && string.IsNullOrWhiteSpace(ec.Relation) && string.IsNullOrWhiteSpace(ec.Phone)
            && string.IsNullOrWhiteSpace(ec.CitizenIdNumber) && string.IsNullOrWhiteSpace(ec.AgreementDate) && string.IsNullOrWhiteSpace(ec.Address)))
        {
            var ecName = ValidName(ec.CaregiverName, "entrustedCare.caregiverName", errors);
            if (!EnumName.TryParse<GuardianRelation>(ec.Relation, out var ecRelation))
            {
                errors.Add("entrustedCare.relation", $"未知的关系“{ec.Relation}”");
            }

            string? ecId = null;
            if (!string.IsNullOrWhiteSpace(ec.CitizenIdNumber))
            {
                if (CitizenIdNumber.TryParse(ec.CitizenIdNumber, today, out var parsed, out var ecErr))
                {
                    ecId = parsed!.Value;
                    if (ChinaTime.AgeOn(parsed.BirthDate, today) < AdultAge)
                    {
                        errors.Add("entrustedCare.citizenIdNumber", "受委托照护人须为成年人（未成年人保护法第二十二条）");
                    }
                }
                else
                {
                    errors.Add("entrustedCare.citizenIdNumber", ecErr!);
                }
            }

            var ecPhone = PhoneNumber.Normalize(ec.Phone, out var ecPhoneErr);
            if (ecPhoneErr is not null)
            {
                errors.Add("entrustedCare.phone", ecPhoneErr);
            }

            DateOnly? agreement = null;
            if (!string.IsNullOrWhiteSpace(ec.AgreementDate))
            {
                if (DateText.TryParse(ec.AgreementDate, out var ad) && ad <= today)
                {
                    agreement = ad;
                }
                else
                {
                    errors.Add("entrustedCare.agreementDate", "委托协议日期不是有效日期或晚于今天");
                }
            }

            var ecAddress = Text(ec.Address, "entrustedCare.address", "委托照护人居住地址", 200, errors);
            if (ecName is not null)
            {
                entrusted = new EntrustedCare { CaregiverName = ecName, Relation = ecRelation, CitizenIdNumber = ecId, Phone = ecPhone, AgreementDate = agreement, Address = ecAddress, RegionCode = region ?? string.Empty };
            }
        }

        var categories = new List<ChildCategory>();
        for (var i = 0; i < (input.Categories?.Count ?? 0); i++)
        {
            var c = input.Categories![i];
            var key = $"categories[{i}]";
            if (!EnumName.TryParse<ProtectionCategory>(c.Category, out var category))
            {
                errors.Add($"{key}.category", $"未知的保护类别“{c.Category}”，应为 {string.Join(", ", Enum.GetNames<ProtectionCategory>())}");
                continue;
            }

            var from = today;
            if (!string.IsNullOrWhiteSpace(c.ValidFrom) && !DateText.TryParse(c.ValidFrom, out from))
            {
                errors.Add($"{key}.validFrom", "起始日期不是有效日期");
                continue;
            }

            if (birth is { } bd && (from < bd || from > today))
            {
                errors.Add($"{key}.validFrom", "起始日期不能早于出生日期或晚于今天");
                continue;
            }

            if (categories.Any(x => x.Category == category))
            {
                errors.Add($"{key}.category", $"保护类别“{ChildCategory.ChineseName(category)}”重复");
                continue;
            }

            var subType = Text(c.SubType, $"{key}.subType", "类别子类", 50, errors);
            if (errors.For($"{key}.subType").Count == 0 && CategoryRules.SubTypeProblem(category, subType) is { } subTypeProblem)
            {
                errors.Add($"{key}.subType", subTypeProblem);
            }

            categories.Add(new ChildCategory
            {
                Category = category,
                SubType = subType,
                Basis = Text(c.Basis, $"{key}.basis", "认定依据", 500, errors),
                ValidFrom = from,
                RegionCode = region ?? string.Empty,
            });
        }

        var guardians = new List<Guardian>();
        if (input.Guardians is { Count: > MaxFamilyMembers })
        {
            errors.Add("guardians", $"家庭成员不能超过{MaxFamilyMembers}人");
        }

        for (var i = 0; i < (input.Guardians?.Count ?? 0); i++)
        {
            if (ValidateGuardian(input.Guardians![i], $"guardians[{i}]", today, region ?? string.Empty, errors, settings) is { } guardian)
            {
                guardians.Add(guardian);
            }
        }

        if (!errors.IsEmpty || name is null || sex is null || birth is null || region is null)
        {
            return null;
        }

        var child = new Child
        {
            Name = name,
            Sex = sex.Value,
            CitizenIdNumber = idValue,
            BirthDate = birth.Value,
            EthnicityCode = ethnicity,
            RegionCode = region,
            Address = string.IsNullOrEmpty(address) ? null : address,
            HouseholdRegionCode = household,
            HouseholdKind = householdKind,
            SchoolStatus = schoolStatus,
            SchoolName = schoolName,
            Grade = grade,
            NotInSchoolReason = notInSchoolReason,
            HealthStatus = health,
            DisabilityType = disabilityType,
            DisabilityGrade = input.DisabilityGrade,
            DisabilityCertificateNumber = certificate,
            ContactPhone = phone,
            IncomeBand = income,
            Housing = housing,
            CareCapacityNote = careNote,
            EntrustedCare = entrusted,
            HouseholdRegistered = input.HouseholdRegistered,
            IllnessType = illnessType,
            Boarding = input.Boarding,
            SchoolStage = stage,
            GuardianshipType = guardianshipType,
            IncomeSources = incomeSources,
            Assistance = assistance,
            Categories = categories,
            Guardians = guardians,
        };

        return child;
    }

    /// <summary>The first two digits of the provinces of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门).</summary>
    public static readonly IReadOnlyList<string> ProvincePrefixes =
        ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
         "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"];

    private static bool IsProvincePrefix(string code) => ProvincePrefixes.Contains(code[..2]);

    private static T ParseEnum<T>(string? text, string field, string label, ValidationErrors errors)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (EnumName.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"{label}应为 {string.Join(", ", System.Enum.GetNames<T>())} 之一");
        return default;
    }

    // Several values of a flags enum by their English names (each once or more); an unknown one is named.
    private static T Flags<T>(IReadOnlyList<string>? names, string field, string label, ValidationErrors errors)
        where T : struct, System.Enum
    {
        var value = 0;
        foreach (var name in names ?? [])
        {
            if (EnumName.TryParse<T>(name, out var one) && Convert.ToInt32(one, CultureInfo.InvariantCulture) != 0)
            {
                value |= Convert.ToInt32(one, CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add(field, $"{label}“{name}”未知，应为 {string.Join(", ", System.Enum.GetNames<T>().Where(n => n != "None"))} 之一");
            }
        }

        return (T)System.Enum.ToObject(typeof(T), value);
    }

    private static string? Text(string? text, string field, string label, int max, ValidationErrors errors)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (t.EnumerateRunes().Count() > max)
        {
            errors.Add(field, $"{label}不能超过{max}个字符");
            return null;
        }

        if (t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || t.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
        {
            errors.Add(field, $"{label}含有无效字符");
            return null;
        }

        return t;
    }

    /// <summary>
    /// Validates one guardian or family member; messages are keyed <c>{key}.field</c>. Returns the guardian (with
    /// <paramref name="regionCode"/> copied) or null. A 15-digit legacy ID number is upgraded (adults only held them).
    /// </summary>
    /// <param name="g">The guardian as submitted.</param>
    /// <param name="key">The prefix of its fields' keys, e.g. <c>guardians[0]</c>.</param>
    /// <param name="today">Today's date in China (no since-date after it).</param>
    /// <param name="regionCode">The child's region.</param>
    /// <param name="errors">Where the problems go.</param>
    /// <param name="settings">The city's rules (the catastrophic-illness list); <see cref="RegisterSettings.Default"/> when null.</param>
    public static Guardian? ValidateGuardian(GuardianInput g, string key, DateOnly today, string regionCode, ValidationErrors errors, RegisterSettings? settings = null)
    {
        settings ??= RegisterSettings.Default;
        var errorsBefore = errors.Count;
        var gName = ValidName(g.Name, $"{key}.name", errors);
        if (!EnumName.TryParse<GuardianRelation>(g.Relation, out var relation))
        {
            errors.Add($"{key}.relation", $"未知的关系“{g.Relation}”");
        }

        var status = GuardianStatus.Living;
        if (!string.IsNullOrWhiteSpace(g.Status) && !EnumName.TryParse(g.Status, out status))
        {
            errors.Add($"{key}.status", $"未知的监护人状况“{g.Status}”");
        }

        string? gId = null;
        if (!string.IsNullOrWhiteSpace(g.CitizenIdNumber))
        {
            if (CitizenIdNumber.TryParse(g.CitizenIdNumber, today, out var parsed, out var gErr))
            {
                gId = parsed!.Value;
            }
            else
            {
                errors.Add($"{key}.citizenIdNumber", gErr!);
            }
        }

        var gPhone = PhoneNumber.Normalize(g.Phone, out var gPhoneErr);
        if (gPhoneErr is not null)
        {
            errors.Add($"{key}.phone", gPhoneErr);
        }

        var gHealth = ParseEnum<HealthStatus>(g.HealthStatus, $"{key}.healthStatus", "健康状况", errors);
        var workPlace = Text(g.WorkPlace, $"{key}.workPlace", "务工地", 100, errors);
        var employment = Text(g.Employment, $"{key}.employment", "就业情况", 100, errors);
        var facts = ValidateConditionFacts(g, key, status, today, settings, errors);
        var gBirth = PastDate(g.BirthDate, $"{key}.birthDate", "出生日期", today, errors);
        if (gBirth is { } gb && gId is not null && CitizenIdNumber.TryParse(gId, today, out var gParsed, out _) && gParsed!.BirthDate != gb)
        {
            errors.Add($"{key}.birthDate", $"出生日期与身份证号中的 {gParsed.BirthDate:yyyy-MM-dd} 不一致");
        }

        if (g.LacksCapacity == true && relation is not (GuardianRelation.Father or GuardianRelation.Mother))
        {
            errors.Add($"{key}.lacksCapacity", "“无监护能力”只适用于父亲或母亲");
        }
        else if (g.LacksCapacity == true && g.IsWorkingAway == true)
        {
            errors.Add($"{key}.lacksCapacity", "外出务工的父母不能同时登记为无监护能力（无监护能力指在家的一方）");
        }

        if (gName is not null && errorsBefore == errors.Count)
        {
            return new Guardian
            {
                Name = gName,
                Relation = relation,
                CitizenIdNumber = gId,
                Status = status,
                IsGuardian = g.IsGuardian ?? true,
                IsWorkingAway = g.IsWorkingAway ?? false,
                WorkPlace = workPlace,
                Employment = employment,
                HealthStatus = gHealth,
                Phone = gPhone,
                RegionCode = regionCode,
                ConditionSince = facts.Since,
                ConditionTermMonths = g.ConditionTermMonths,
                DisabilityType = facts.DisabilityType,
                DisabilityGrade = g.DisabilityGrade,
                Illness = facts.Illness,
                AwaySince = facts.AwaySince,
                WorkRegionCode = facts.WorkRegionCode,
                BirthDate = gBirth,
                LacksCapacity = g.LacksCapacity ?? false,
            };
        }

        return null;
    }

    /// <summary>Longest term of a sentence, detention or rehabilitation accepted, in months (50 years).</summary>
    public const int MaxTermMonths = 600;

    private sealed record ConditionFacts(DateOnly? Since, DisabilityType? DisabilityType, string? Illness, DateOnly? AwaySince, string? WorkRegionCode);

    // The facts of a guardian's condition and absence (issue #11 items 7, 8): well-formed, in the past, and only where
    // they belong — whether they meet a category's thresholds is GuardianConditions' question, when a category is claimed.
    private static ConditionFacts ValidateConditionFacts(GuardianInput g, string key, GuardianStatus status, DateOnly today, RegisterSettings settings, ValidationErrors errors)
    {
        var label = Guardian.StatusName(status);
        var since = PastDate(g.ConditionSince, $"{key}.conditionSince", "情形起始日期", today, errors);
        if (since is not null && status == GuardianStatus.Living)
        {
            errors.Add($"{key}.conditionSince", "监护人健在且无其他情形时不填写情形起始日期");
        }

        if (g.ConditionTermMonths is { } term)
        {
            if (!GuardianConditions.TermStatuses.Contains(status))
            {
                errors.Add($"{key}.conditionTermMonths", $"只有服刑在押、强制隔离戒毒、其他限制人身自由措施填写期限，“{label}”不填");
            }
            else if (term is < 1 or > MaxTermMonths)
            {
                errors.Add($"{key}.conditionTermMonths", $"期限应为1–{MaxTermMonths}个月（整月数）");
            }
        }

        DisabilityType? disabilityType = null;
        if (!string.IsNullOrWhiteSpace(g.DisabilityType))
        {
            if (EnumName.TryParse<DisabilityType>(g.DisabilityType, out var t))
            {
                disabilityType = t;
            }
            else
            {
                errors.Add($"{key}.disabilityType", $"残疾类别应为 {string.Join(", ", System.Enum.GetNames<DisabilityType>())} 之一");
            }
        }

        if (g.DisabilityGrade is { } grade && grade is < 1 or > 4)
        {
            errors.Add($"{key}.disabilityGrade", "残疾等级应为1–4级");
        }

        if (string.IsNullOrWhiteSpace(g.DisabilityType) != (g.DisabilityGrade is null))
        {
            errors.Add(string.IsNullOrWhiteSpace(g.DisabilityType) ? $"{key}.disabilityType" : $"{key}.disabilityGrade", "残疾类别和等级须同时填写");
        }

        var illness = g.Illness?.Trim() is { Length: > 0 } ill ? ill : null;
        if (illness is not null && !settings.CatastrophicIllnesses.Contains(illness))
        {
            errors.Add($"{key}.illness", "病种须从本地重特大疾病目录中选择");
            illness = null;
        }

        if (g.IsWorkingAway == true && status != GuardianStatus.Living)
        {
            errors.Add($"{key}.isWorkingAway", $"外出务工只适用于健在且无其他情形的父母，“{label}”不能同时登记为外出务工");
        }

        var awaySince = PastDate(g.AwaySince, $"{key}.awaySince", "外出务工起始日期", today, errors);
        var work = g.WorkRegionCode?.Trim() is { Length: > 0 } w ? w : null;
        if (work is not null && (!RegionCode.IsWellFormed(work) || !IsProvincePrefix(work)))
        {
            errors.Add($"{key}.workRegionCode", "务工地区划代码应为2、4、6、9或12位区划代码，前两位为省级代码");
            work = null;
        }

        if ((awaySince is not null || work is not null) && g.IsWorkingAway != true)
        {
            errors.Add($"{key}.{(awaySince is not null ? "awaySince" : "workRegionCode")}", "未外出务工时不填写外出起始日期和务工地区划代码");
        }

        return new(since, disabilityType, illness, awaySince, work);
    }

    private static DateOnly? PastDate(string? text, string field, string label, DateOnly today, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateText.TryParse(text, out var d))
        {
            errors.Add(field, $"{label}不是有效日期（格式如 2024-03-01）");
            return null;
        }

        if (d > today)
        {
            errors.Add(field, $"{label}不能晚于今天");
            return null;
        }

        return d;
    }

    /// <summary>
    /// Trims and checks a personal name: required, at most <see cref="MaxNameLength"/> Unicode characters, no control or
    /// format characters, at least one letter (a Han character or a letter of any script: not digits or symbols only).
    /// </summary>
    public static string? ValidName(string? raw, string field, ValidationErrors errors)
    {
        var name = raw?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(field, "姓名不能为空");
            return null;
        }

        if (name.EnumerateRunes().Count() > MaxNameLength)
        {
            errors.Add(field, $"姓名不能超过{MaxNameLength}个字符");
            return null;
        }

        // Control and format characters (bidi overrides such as U+202E, zero-width spaces) let one name pose as another.
        if (name.Any(char.IsControl) || name.EnumerateRunes().Any(r => r == Rune.ReplacementChar || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format))
        {
            errors.Add(field, "姓名含有无效字符");
            return null;
        }

        // A name is written in letters (Han characters are letters too): digits alone, half or full width, name nobody.
        if (!name.EnumerateRunes().Any(Rune.IsLetter))
        {
            errors.Add(field, "姓名须包含汉字或字母，不能只有数字或符号");
            return null;
        }

        return name;
    }
}
