using Shouhu.Domain.Accounts;
using Shouhu.Domain.Identity;

namespace Shouhu.Web.Shared;

/// <summary>Where a child's personal data leaves the server; each has its own rule in <see cref="PersonalDataPolicy"/>.</summary>
public enum OutputChannel
{
    /// <summary>One record (API and page).</summary>
    Record,
    /// <summary>A list of records (the register's list and its page).</summary>
    List,
    /// <summary>A record's change history (API and page).</summary>
    History,
    /// <summary>The Excel export.</summary>
    Export,
    /// <summary>The answer of the duplicate check on registration and edit.</summary>
    DuplicateCheck,
    /// <summary>A referral as its receiver reads it (another organisation).</summary>
    Referral,
    /// <summary>The list of case transfers waiting for the receiving jurisdiction.</summary>
    TransferList,
    /// <summary>A survey import's problems as the importer reads them back (the values they entered): as one record.</summary>
    ImportReport,
}

/// <summary>
/// What an export asks for beyond its masked default (issue #9 findings 5–6): full ID numbers and birth dates, or the
/// protection-category column, each only with a stated purpose (用途, at most <see cref="PersonalDataPolicy.MaxPurposeLength"/>
/// characters) that goes into the audit entry.
/// </summary>
/// <param name="FullIdNumbers">Full ID and phone numbers and birth dates (<c>fullIdNumbers=true</c>).</param>
/// <param name="IncludeCategories">The 保护类别 column (<c>includeCategories=true</c>).</param>
/// <param name="Purpose">Why the caller needs them; required with either.</param>
public sealed record ExportRequest(bool FullIdNumbers = false, bool IncludeCategories = false, string? Purpose = null);

/// <summary>
/// The one output policy for a child's personal data (issue #9 "The two policies"; ADR-004): for a role and an output
/// channel it decides whether ID numbers are full or masked (first 6, last 4), whether the birth date and birth year are
/// shown (never where the number is masked: characters 7–14 are the birth date), whether phone numbers are masked
/// (first 3, last 4), which history fields are redacted, and whether protection categories may be shown (困境儿童个人信息
/// 保护工作办法, 2025: no labelling where others can see it). Every output takes its values through a
/// <see cref="PersonalDataView"/>, which only this class makes; nothing else in the web project masks a number.
/// </summary>
public static class PersonalDataPolicy
{
    /// <summary>
    /// A name as a reader of the audit trail sees it: the first and last character kept, those between as <c>*</c>
    /// (陈小雨 → 陈*雨, 李娜 → 李*, 阿依古丽·买买提 → 阿******提); characters outside the BMP (𠮷) and combining marks count
    /// as one. Enough to tell two entries apart, not to identify a child to someone who does not read the register.
    /// </summary>
    public static string MaskName(string? name)
    {
        var letters = new List<string>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator((name ?? string.Empty).Trim());
        while (e.MoveNext())
        {
            letters.Add(e.GetTextElement());
        }

        return letters.Count switch
        {
            0 => string.Empty,
            1 => letters[0],
            2 => letters[0] + "*",
            _ => letters[0] + new string('*', letters.Count - 2) + letters[^1],
        };
    }

    /// <summary>Longest purpose (用途) of an export that asks for more than the default, in characters.</summary>
    public const int MaxPurposeLength = 200;

    /// <summary>Roles that see protection categories on a record and its history: those who work the register (not hotline operators).</summary>
    public static readonly IReadOnlyList<string> CategoryReaders = Roles.RegistryWriters;

    /// <summary>Roles that may export the 保护类别 column, with a purpose: officers and supervisors (who report additions and removals upward).</summary>
    public static readonly IReadOnlyList<string> CategoryExporters = [Roles.CivilAffairsOfficer, Roles.ChildSupervisor];

    /// <summary>
    /// The view of <paramref name="role"/> on <paramref name="channel"/>. Record, history and duplicate check: full for
    /// <see cref="Roles.FullIdNumberReaders"/>, categories for <see cref="CategoryReaders"/>. List, referral, transfer list:
    /// masked, no birth date, no categories, for everyone. Export: masked without categories — use <see cref="ForExport"/>
    /// for more.
    /// </summary>
    public static PersonalDataView For(string? role, OutputChannel channel) => channel switch
    {
        OutputChannel.Record or OutputChannel.History or OutputChannel.DuplicateCheck or OutputChannel.ImportReport =>
            new(IsIn(role, Roles.FullIdNumberReaders), IsIn(role, CategoryReaders)),
        _ => PersonalDataView.Masked,
    };

    /// <summary>
    /// The view of an export asked for with <paramref name="request"/>: masked without categories by default; full numbers
    /// and birth dates only for <see cref="Roles.FullIdNumberReaders"/>, categories only for <see cref="CategoryExporters"/>,
    /// and either only with a purpose. <c>Forbidden</c> (403) names what the role may not have; <c>PurposeProblem</c> (400
    /// on <c>purpose</c>) says what is wrong with the purpose; <c>Purpose</c> is the trimmed text to audit.
    /// </summary>
    public static (PersonalDataView View, string? Forbidden, string? PurposeProblem, string? Purpose) ForExport(string? role, ExportRequest request)
    {
        if (request.FullIdNumbers && !IsIn(role, Roles.FullIdNumberReaders))
        {
            return (PersonalDataView.Masked, "您的角色不能导出完整身份证号", null, null);
        }

        if (request.IncludeCategories && !IsIn(role, CategoryExporters))
        {
            return (PersonalDataView.Masked, "保护类别只可由民政干部或儿童督导员导出", null, null);
        }

        if (!request.FullIdNumbers && !request.IncludeCategories)
        {
            return (PersonalDataView.Masked, null, null, null);
        }

        var purpose = new string((request.Purpose ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (purpose.Length == 0)
        {
            return (PersonalDataView.Masked, null, "导出完整身份证号或保护类别须填写用途", null);
        }

        if (purpose.Length > MaxPurposeLength)
        {
            return (PersonalDataView.Masked, null, $"用途不能超过{MaxPurposeLength}个字符", null);
        }

        return (new PersonalDataView(request.FullIdNumbers, request.IncludeCategories), null, null, purpose);
    }

    private static bool IsIn(string? role, IReadOnlyList<string> roles) => role is not null && roles.Contains(role);
}

/// <summary>
/// One decision of <see cref="PersonalDataPolicy"/>: the only way an output reads an ID number, a phone number, a birth
/// date, a history value or a category. Null in, null out.
/// </summary>
public sealed class PersonalDataView
{
    /// <summary>Masked numbers, no birth date, no categories.</summary>
    internal static readonly PersonalDataView Masked = new(false, false);

    internal PersonalDataView(bool fullNumbers, bool showsCategories) => (FullNumbers, ShowsCategories) = (fullNumbers, showsCategories);

    /// <summary>True when ID and phone numbers are shown in full (and the birth date with them).</summary>
    public bool FullNumbers { get; }

    /// <summary>True when protection categories may be shown.</summary>
    public bool ShowsCategories { get; }

    /// <summary>The ID number as shown: full, or the first 6 and last 4 characters with <c>*</c> between.</summary>
    public string? IdNumber(string? value) => string.IsNullOrEmpty(value) ? null : FullNumbers ? value : CitizenIdNumber.Mask(value);

    /// <summary>The phone number as shown: full, or the first 3 and last 4 digits.</summary>
    public string? Phone(string? value) => string.IsNullOrEmpty(value) ? null : FullNumbers ? value : PhoneNumber.Mask(value) is { Length: > 0 } m ? m : null;

    /// <summary>The birth date, or null where numbers are masked.</summary>
    public DateOnly? BirthDate(DateOnly value) => FullNumbers ? value : null;

    /// <summary>The birth year, or null where numbers are masked (it is characters 7–10 of the number).</summary>
    public int? BirthYear(DateOnly value) => FullNumbers ? value.Year : null;

    /// <summary>Shown text of a redacted birth date in a history.</summary>
    public const string Hidden = "（不显示）";

    /// <summary>
    /// True when a history line of <paramref name="field"/> may be shown at all: a category's line names the category,
    /// so it is left out where categories are not shown.
    /// </summary>
    public bool ShowsHistoryField(string field) => ShowsCategories || !field.StartsWith("categories", StringComparison.Ordinal);

    /// <summary>
    /// A history value as shown: where numbers are masked, ID numbers and phones are masked and birth dates replaced by
    /// <see cref="Hidden"/>; every other value as stored.
    /// </summary>
    public string? HistoryValue(string field, string? value)
    {
        if (value is null || FullNumbers)
        {
            return value;
        }

        if (field.EndsWith("itizenIdNumber", StringComparison.Ordinal))
        {
            return IdNumber(value);
        }

        if (field.EndsWith("hone", StringComparison.Ordinal))
        {
            return Phone(value);
        }

        return field == "birthDate" ? Hidden : value;
    }
}
