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
    IReadOnlyList<GuardianInput>? Guardians = null);

/// <summary>A protection category as submitted.</summary>
public sealed record CategoryInput(string? Category, string? SubType = null, string? ValidFrom = null);

/// <summary>A guardian as submitted.</summary>
public sealed record GuardianInput(string? Name, string? Relation, string? CitizenIdNumber = null, string? Status = null);

/// <summary>Field-keyed validation messages (keys in the API's camelCase, e.g. <c>guardians[0].citizenIdNumber</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

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

    /// <summary>Age at which every minor category ends (Minor Protection Law art. 2).</summary>
    public const int AdultAge = 18;

    /// <summary>
    /// Validates <paramref name="input"/>; returns the record to store (without id or audit fields) or null, with every problem in <paramref name="errors"/>.
    /// </summary>
    public static Child? Validate(ChildInput input, DateOnly today, ValidationErrors errors)
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

        var address = input.Address?.Trim();
        if (address is { Length: > 200 })
        {
            errors.Add("address", "详细地址不能超过200个字符");
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

            if (categories.Any(x => x.Category == category))
            {
                errors.Add($"{key}.category", $"保护类别“{ChildCategory.ChineseName(category)}”重复");
                continue;
            }

            categories.Add(new ChildCategory { Category = category, SubType = c.SubType?.Trim() is { Length: > 0 } s ? s : null, ValidFrom = from, RegionCode = region ?? string.Empty });
        }

        var guardians = new List<Guardian>();
        for (var i = 0; i < (input.Guardians?.Count ?? 0); i++)
        {
            var g = input.Guardians![i];
            var key = $"guardians[{i}]";
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

            if (gName is not null)
            {
                guardians.Add(new Guardian { Name = gName, Relation = relation, CitizenIdNumber = gId, Status = status, RegionCode = region ?? string.Empty });
            }
        }

        if (!errors.IsEmpty || name is null || sex is null || birth is null || region is null)
        {
            return null;
        }

        return new Child
        {
            Name = name,
            Sex = sex.Value,
            CitizenIdNumber = idValue,
            BirthDate = birth.Value,
            EthnicityCode = ethnicity,
            RegionCode = region,
            Address = string.IsNullOrEmpty(address) ? null : address,
            Categories = categories,
            Guardians = guardians,
        };
    }

    /// <summary>Trims and checks a personal name: required, at most <see cref="MaxNameLength"/> Unicode characters, no control characters.</summary>
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

        if (name.Any(char.IsControl) || name.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
        {
            errors.Add(field, "姓名含有无效字符");
            return null;
        }

        return name;
    }
}
