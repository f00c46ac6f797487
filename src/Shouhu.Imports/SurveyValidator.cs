using Shouhu.Domain;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Imports;

/// <summary>What the validator needs besides the rows: the 统计截止日, the village resolver, the city's register settings, the workbook's date system.</summary>
/// <param name="AsOf">统计截止日: ages, "under 16" and every "not after today" of the register are taken on this day.</param>
/// <param name="Villages">Resolves 现居住地 and 户籍所在地 inside the importer's jurisdiction.</param>
/// <param name="Settings">The city's register rules; <see cref="RegisterSettings.Default"/> when null.</param>
/// <param name="SkipExamples">Skip the template's example rows (序号 <see cref="SurveyTemplate.ExampleMark"/>); true unless a test reads them.</param>
public sealed record SurveyOptions(DateOnly AsOf, IVillageResolver Villages, RegisterSettings? Settings = null, bool SkipExamples = true);

/// <summary>A 家庭成员 row as read, before it joins its child: its row, the input it became, its birth date, its own problems and where each input field came from.</summary>
internal sealed record FamilyMember(SheetRow Row, GuardianInput Input, DateOnly? BirthDate, List<ImportProblem> Problems, Dictionary<string, SurveyField> Fields, HashSet<string> Normalised);

/// <summary>
/// Turns one row of the sheet 儿童 (and its 家庭成员 rows) into the register's <see cref="ChildInput"/> after the
/// spreadsheet's normalisation (<see cref="SurveyText"/>), then validates it with the register's own
/// <see cref="ChildRules.Validate"/> and <see cref="CategoryRules.Apply"/> — one implementation — on the 统计截止日, and
/// files every message back at the row and column the user wrote.
/// </summary>
internal sealed class SurveyValidator(ColumnMap map, ColumnMap? familyMap, SurveyOptions options, bool date1904)
{
    private static readonly (SurveyField Name, SurveyField Birth, GuardianRelation Relation)[] Grandparents =
    [
        (SurveyField.GrandfatherName, SurveyField.GrandfatherBirthDate, GuardianRelation.Grandfather),
        (SurveyField.GrandmotherName, SurveyField.GrandmotherBirthDate, GuardianRelation.Grandmother),
        (SurveyField.MaternalGrandfatherName, SurveyField.MaternalGrandfatherBirthDate, GuardianRelation.MaternalGrandfather),
        (SurveyField.MaternalGrandmotherName, SurveyField.MaternalGrandmotherBirthDate, GuardianRelation.MaternalGrandmother),
    ];

    // Where each field of a 家庭成员 row's input came from.
    private static readonly Dictionary<string, SurveyField> MemberFields = new(StringComparer.Ordinal)
    {
        ["name"] = SurveyField.MemberName,
        ["relation"] = SurveyField.MemberRelation,
        ["citizenIdNumber"] = SurveyField.MemberIdNumber,
        ["status"] = SurveyField.MemberStatus,
        ["isGuardian"] = SurveyField.MemberIsGuardian,
        ["isWorkingAway"] = SurveyField.MemberAway,
        ["workPlace"] = SurveyField.MemberWorkPlace,
        ["phone"] = SurveyField.MemberPhone,
        ["awaySince"] = SurveyField.MemberAwaySince,
        ["workRegionCode"] = SurveyField.MemberWorkRegion,
        ["birthDate"] = SurveyField.MemberBirthDate,
    };

    private static readonly Dictionary<string, SurveyField> ChildKeys = new(StringComparer.Ordinal)
    {
        ["name"] = SurveyField.Name,
        ["sex"] = SurveyField.Sex,
        ["citizenIdNumber"] = SurveyField.CitizenIdNumber,
        ["birthDate"] = SurveyField.BirthDate,
        ["ethnicityCode"] = SurveyField.Ethnicity,
        ["residenceRegionCode"] = SurveyField.Residence,
        ["address"] = SurveyField.Address,
        ["householdRegionCode"] = SurveyField.HouseholdRegion,
        ["householdKind"] = SurveyField.HouseholdKind,
        ["schoolStatus"] = SurveyField.SchoolStage,
        ["schoolName"] = SurveyField.SchoolName,
        ["grade"] = SurveyField.Grade,
        ["notInSchoolReason"] = SurveyField.NotInSchoolReason,
        ["healthStatus"] = SurveyField.Health,
        ["disabilityType"] = SurveyField.Disability,
        ["disabilityGrade"] = SurveyField.Disability,
        ["contactPhone"] = SurveyField.ContactPhone,
        ["entrustedCare.caregiverName"] = SurveyField.CaregiverName,
        ["entrustedCare.relation"] = SurveyField.CaregiverRelation,
        ["entrustedCare.citizenIdNumber"] = SurveyField.CaregiverIdNumber,
        ["entrustedCare.phone"] = SurveyField.CaregiverPhone,
        ["entrustedCare.address"] = SurveyField.CaregiverAddress,
        ["householdRegistered"] = SurveyField.HouseholdRegistered,
        ["illnessType"] = SurveyField.IllnessType,
        ["boarding"] = SurveyField.Boarding,
        ["schoolStage"] = SurveyField.SchoolStage,
        ["guardianshipType"] = SurveyField.GuardianshipType,
        ["incomeSources"] = SurveyField.IncomeSources,
        ["assistance"] = SurveyField.Assistance,
        ["guardians"] = SurveyField.FatherName,
    };

    // Where a field of the register said "look here instead" when the sheet has no column of its own for it.
    private static readonly Dictionary<SurveyField, SurveyField> Fallbacks = new()
    {
        [SurveyField.BirthDate] = SurveyField.CitizenIdNumber,
        [SurveyField.SchoolName] = SurveyField.SchoolStage,
        [SurveyField.NotInSchoolReason] = SurveyField.SchoolStage,
        [SurveyField.HouseholdKind] = SurveyField.Category,
        [SurveyField.Ethnicity] = SurveyField.Name,
    };

    private static readonly string[] IdKeys = ["citizenIdNumber"];
    private static readonly string[] IdAndBirthKeys = ["citizenIdNumber", "birthDate"];

    private readonly Dictionary<int, string?> _texts = [];
    private SheetRow _row = null!;
    private List<ImportProblem> _problems = null!;
    private HashSet<string> _normalised = null!;
    private List<(string Sheet, SheetRow Row, ColumnMap Map, Dictionary<string, SurveyField> Fields)> _guardianSources = null!;

    private DateOnly AsOf => options.AsOf;

    /// <summary>Reads a 家庭成员 row (its key is read by the caller).</summary>
    public FamilyMember Member(SheetRow row)
    {
        var fm = familyMap!;
        var problems = new List<ImportProblem>();
        CellValue? Cell(SurveyField f) => fm.Of(f) is { } c ? row[c.Index] : null;
        string? Text(SurveyField f) => SurveyText.IsEmpty(Cell(f)?.Text) ? null : SurveyText.Clean(Cell(f)?.Text);
        void Problem(SurveyField f, string message) =>
            problems.Add(new(fm.Sheet, row.Number, fm.Of(f)?.Header ?? string.Empty, Cell(f)?.Text ?? string.Empty, message, fm.Of(f)?.Index));

        var relation = One(Text(SurveyField.MemberRelation), SurveyValues.Relations, SurveyField.MemberRelation, Problem);
        var status = One(Text(SurveyField.MemberStatus), SurveyValues.Statuses, SurveyField.MemberStatus, Problem);
        var id = SurveyText.IdNumber(Cell(SurveyField.MemberIdNumber), out var idError);
        if (idError is not null)
        {
            Problem(SurveyField.MemberIdNumber, idError);
        }

        var input = new GuardianInput(
            SurveyText.Name(Text(SurveyField.MemberName)),
            relation?.ToString() ?? (Text(SurveyField.MemberRelation) is null ? null : "?"),
            id,
            status?.ToString(),
            YesNo(Cell(SurveyField.MemberIsGuardian), SurveyField.MemberIsGuardian, Problem) ?? (relation is GuardianRelation.Father or GuardianRelation.Mother),
            YesNo(Cell(SurveyField.MemberAway), SurveyField.MemberAway, Problem),
            Text(SurveyField.MemberWorkPlace),
            Phone: SurveyText.Phone(Cell(SurveyField.MemberPhone)),
            AwaySince: Date(Cell(SurveyField.MemberAwaySince), SurveyField.MemberAwaySince, Problem)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            WorkRegionCode: SurveyText.Compact(Text(SurveyField.MemberWorkRegion)) is { Length: > 0 } w ? w : null);
        var birth = Date(Cell(SurveyField.MemberBirthDate), SurveyField.MemberBirthDate, Problem);
        var normalised = new HashSet<string>(StringComparer.Ordinal);
        if (relation is null && Text(SurveyField.MemberRelation) is not null)
        {
            normalised.Add("relation");
        }

        if (idError is not null)
        {
            normalised.Add("citizenIdNumber");
        }

        return new FamilyMember(row, input, birth, problems, MemberFields, normalised);
    }

    /// <summary>Validates one child row with its family members.</summary>
    public SurveyRow Validate(SheetRow row, IReadOnlyList<FamilyMember> members, IEnumerable<ImportProblem> sheetProblems)
    {
        _row = row;
        _texts.Clear();
        _problems = [.. sheetProblems];
        _normalised = [];
        _guardianSources = [];

        var name = SurveyText.Name(Text(SurveyField.Name));
        var sex = SurveyText.Sex(Text(SurveyField.Sex), out var sexError);
        Check(SurveyField.Sex, sexError, "sex");
        var ethnicity = SurveyText.Ethnicity(Text(SurveyField.Ethnicity), out var ethnicError);
        Check(SurveyField.Ethnicity, ethnicError, "ethnicityCode");
        var id = SurveyText.IdNumber(Cell(SurveyField.CitizenIdNumber), out var idError);
        // A refused ID number leaves the row without one: the register's "birth date required without one" would repeat it.
        Check(SurveyField.CitizenIdNumber, idError, Text(SurveyField.BirthDate) is null ? IdAndBirthKeys : IdKeys);
        var birth = BirthDate(id);

        var residence = Village(SurveyField.Residence, "residenceRegionCode", household: false);
        var household = Village(SurveyField.HouseholdRegion, "householdRegionCode", household: true);
        var householdKind = One(Text(SurveyField.HouseholdKind), SurveyValues.HouseholdKinds, SurveyField.HouseholdKind, Problem);

        var health = SurveyText.SeveralOf(Text(SurveyField.Health), SurveyValues.HealthAnswers, SurveyValues.Allowed(SurveyValues.HealthAnswers), out var healthError);
        Check(SurveyField.Health, healthError, "healthStatus");
        var disability = SurveyText.Disability(Text(SurveyField.Disability), out var disabilityError);
        Check(SurveyField.Disability, disabilityError, "disabilityType", "disabilityGrade");
        if (health.Contains(2) && disability is null && disabilityError is null)
        {
            Problem(map.Has(SurveyField.Disability) ? SurveyField.Disability : SurveyField.Health, "身体情况为残疾时须填写残疾类别及等级（如 肢体残疾二级）");
        }

        HealthStatus? healthStatus = health.Contains(3) ? HealthStatus.SeriousIllness : health.Contains(4) ? HealthStatus.ChronicIllness : health.Contains(1) ? HealthStatus.Healthy : null;
        var stage = One(Text(SurveyField.SchoolStage), SurveyValues.SchoolStages, SurveyField.SchoolStage, Problem);
        var schoolName = Text(SurveyField.SchoolName);
        var notInSchoolReason = Text(SurveyField.NotInSchoolReason);
        // The stage is the register's own field now: its 就学状况 follows from it (ChildRules, ADR 012), so a 2016 row
        // without a school column is 在校 with its stage, and one 辍学/不在学 needs no separate reason.
        SchoolStatus? schoolStatus = stage is { } st ? SchoolStages.StatusOf(st) : null;
        if (schoolStatus == SchoolStatus.InSchool && schoolName is null && map.Has(SurveyField.SchoolName))
        {
            // A sheet that has the template's 学校 column asks for the school: the register accepts the stage alone only from a form without one.
            Problem(SurveyField.SchoolName, "在校儿童须填写学校");
        }

        var bothAway = YesNo(Cell(SurveyField.BothParentsAway), SurveyField.BothParentsAway, Problem);
        var oneAway = YesNo(Cell(SurveyField.OneAwayOtherIncapable), SurveyField.OneAwayOtherIncapable, Problem);
        var incapable = One(Text(SurveyField.IncapableParent), SurveyValues.Parents, SurveyField.IncapableParent, Problem);
        if (bothAway == true && oneAway == true)
        {
            Problem(SurveyField.OneAwayOtherIncapable, "“父母双方同时外出”与“一方外出、另一方无监护能力”不能同时为“是”");
        }

        var guardians = new List<GuardianInput>();
        var birthDates = new Dictionary<int, DateOnly>();
        foreach (var (nameField, birthField, relation) in Grandparents)
        {
            if (Text(nameField) is { } gName)
            {
                birthDates.AddIf(guardians.Count, Date(Cell(birthField), birthField, Problem));
                AddSource(new() { ["name"] = nameField, ["birthDate"] = birthField });
                guardians.Add(new GuardianInput(SurveyText.Name(gName), relation.ToString(), IsGuardian: false));
            }
        }

        Parent(GuardianRelation.Father, SurveyField.FatherName, SurveyField.FatherBirthDate, SurveyField.FatherIdNumber, SurveyField.FatherWorkPlace, SurveyField.FatherPhone, SurveyField.FatherAway, SurveyField.FatherAwaySince, SurveyField.FatherWorkRegion, SurveyField.FatherStatus,
            bothAway == true || (oneAway == true && incapable == GuardianRelation.Mother) ? true : oneAway == true && incapable == GuardianRelation.Father ? false : null, oneAway == true && incapable == GuardianRelation.Father, guardians, birthDates);
        Parent(GuardianRelation.Mother, SurveyField.MotherName, SurveyField.MotherBirthDate, SurveyField.MotherIdNumber, SurveyField.MotherWorkPlace, SurveyField.MotherPhone, SurveyField.MotherAway, SurveyField.MotherAwaySince, SurveyField.MotherWorkRegion, SurveyField.MotherStatus,
            bothAway == true || (oneAway == true && incapable == GuardianRelation.Father) ? true : oneAway == true && incapable == GuardianRelation.Mother ? false : null, oneAway == true && incapable == GuardianRelation.Mother, guardians, birthDates);
        foreach (var m in members)
        {
            _problems.AddRange(m.Problems);
            foreach (var k in m.Normalised)
            {
                _normalised.Add($"guardians[{guardians.Count}].{k}");
            }

            birthDates.AddIf(guardians.Count, m.BirthDate);
            _guardianSources.Add((familyMap!.Sheet, m.Row, familyMap, m.Fields));
            guardians.Add(m.Input);
        }

        // Family members' birth dates (出生日期 of grandparents, parents and 家庭成员 rows) are the register's now.
        foreach (var (index, date) in birthDates)
        {
            guardians[index] = guardians[index] with { BirthDate = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        }

        var caregiverRelation = One(Text(SurveyField.CaregiverRelation), SurveyValues.Relations, SurveyField.CaregiverRelation, Problem);
        var caregiverId = SurveyText.IdNumber(Cell(SurveyField.CaregiverIdNumber), out var caregiverIdError);
        Check(SurveyField.CaregiverIdNumber, caregiverIdError, "entrustedCare.citizenIdNumber");
        var caregiverName = Text(SurveyField.CaregiverName);
        EntrustedCareInput? caregiver = caregiverName is null && caregiverRelation is null && caregiverId is null && Text(SurveyField.CaregiverPhone) is null && Text(SurveyField.CaregiverAddress) is null
            ? null
            : new EntrustedCareInput(SurveyText.Name(caregiverName), caregiverRelation?.ToString() ?? (Text(SurveyField.CaregiverRelation) is null ? null : "?"), caregiverId, SurveyText.Phone(Cell(SurveyField.CaregiverPhone)),
                Address: Text(SurveyField.CaregiverAddress));
        if (caregiver is not null && caregiverRelation is null)
        {
            _normalised.Add("entrustedCare.relation");
        }

        var categories = SurveyText.SeveralOf(Text(SurveyField.Category), SurveyValues.Categories, SurveyValues.Allowed(SurveyValues.Categories), out var categoryError);
        if (categoryError is not null)
        {
            Problem(SurveyField.Category, categoryError);
        }

        var subType = Text(SurveyField.CategorySubType);
        var asOfText = AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var input = new ChildInput(
            name,
            sex,
            id,
            birth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ethnicity,
            residence,
            Text(SurveyField.Address),
            categories.Select(c => new CategoryInput(c.ToString(), c == ProtectionCategory.InDistress ? subType : null, asOfText)).ToList(),
            guardians,
            household,
            householdKind?.ToString(),
            schoolStatus?.ToString(),
            schoolStatus == SchoolStatus.InSchool ? schoolName : null,
            Text(SurveyField.Grade),
            schoolStatus == SchoolStatus.NotInSchool ? notInSchoolReason : null,
            healthStatus?.ToString(),
            disability?.Type.ToString(),
            disability?.Grade,
            ContactPhone: SurveyText.Phone(Cell(SurveyField.ContactPhone)),
            EntrustedCare: caregiver,
            HouseholdRegistered: YesNo(Cell(SurveyField.HouseholdRegistered), SurveyField.HouseholdRegistered, Problem),
            IllnessType: Text(SurveyField.IllnessType),
            Boarding: YesNo(Cell(SurveyField.Boarding), SurveyField.Boarding, Problem),
            SchoolStage: stage?.ToString(),
            GuardianshipType: One(Text(SurveyField.GuardianshipType), SurveyValues.GuardianshipTypes, SurveyField.GuardianshipType, Problem)?.ToString(),
            IncomeSources: Several(SurveyField.IncomeSources, SurveyValues.IncomeSources).Select(v => v.ToString()).ToList(),
            Assistance: Several(SurveyField.Assistance, SurveyValues.Assistances).Select(v => v.ToString()).ToList());

        var errors = new ValidationErrors();
        var settings = options.Settings ?? RegisterSettings.Default;
        var child = ChildRules.Validate(input, AsOf, errors, settings);
        if (child is not null)
        {
            CategoryRules.Apply(child, errors, settings);
        }

        foreach (var (key, messages) in errors.ToDictionary())
        {
            if (!_normalised.Contains(key))
            {
                foreach (var message in messages)
                {
                    File(key, message);
                }
            }
        }

        var extras = new SurveyExtras(bothAway, oneAway, incapable, YesNo(Cell(SurveyField.HasEntrustedCaregiver), SurveyField.HasEntrustedCaregiver, Problem));

        var problems = _problems.Distinct().ToList();
        var valid = child is not null && problems.Count == 0;
        var age = child is not null ? ChinaTime.AgeOn(child.BirthDate, AsOf) : (int?)null;
        return new SurveyRow(map.Sheet, row.Number, row.Hidden, input, extras, valid ? child : null, age, problems);
    }

    private void Parent(GuardianRelation relation, SurveyField name, SurveyField birth, SurveyField id, SurveyField work, SurveyField phone, SurveyField away, SurveyField since, SurveyField region, SurveyField status,
        bool? awayBySurvey, bool lacksCapacity, List<GuardianInput> guardians, Dictionary<int, DateOnly> birthDates)
    {
        SurveyField[] all = [name, birth, id, work, phone, away, since, region, status];
        if (all.All(f => Text(f) is null))
        {
            return;
        }

        var parentId = SurveyText.IdNumber(Cell(id), out var idError);
        var key = $"guardians[{guardians.Count}]";
        Check(id, idError, key + ".citizenIdNumber");
        var parentStatus = One(Text(status), SurveyValues.Statuses, status, Problem);
        var awayAnswer = YesNo(Cell(away), away, Problem);
        birthDates.AddIf(guardians.Count, Date(Cell(birth), birth, Problem));
        AddSource(new()
        {
            ["name"] = name,
            ["citizenIdNumber"] = id,
            ["status"] = status,
            ["isWorkingAway"] = map.Has(away) ? away : name,
            ["workPlace"] = work,
            ["phone"] = phone,
            ["awaySince"] = since,
            ["workRegionCode"] = region,
            ["birthDate"] = birth,
            ["lacksCapacity"] = map.Has(SurveyField.IncapableParent) ? SurveyField.IncapableParent : SurveyField.OneAwayOtherIncapable,
        });
        guardians.Add(new GuardianInput(
            SurveyText.Name(Text(name)),
            relation.ToString(),
            parentId,
            parentStatus?.ToString(),
            IsGuardian: true,
            IsWorkingAway: awayAnswer ?? awayBySurvey,
            WorkPlace: Text(work),
            Phone: SurveyText.Phone(Cell(phone)),
            AwaySince: Date(Cell(since), since, Problem)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            WorkRegionCode: SurveyText.Compact(Text(region)) is { Length: > 0 } r ? r : null,
            LacksCapacity: lacksCapacity ? true : null));
    }

    private void AddSource(Dictionary<string, SurveyField> fields) => _guardianSources.Add((map.Sheet, _row, map, fields));

    // The child's birth date: written, or — when only the month is written and the ID number agrees — left to the ID number.
    private DateOnly? BirthDate(string? id)
    {
        var birth = SurveyText.Date(Cell(SurveyField.BirthDate), date1904, out var error, out var monthOnly);
        if (monthOnly is { } month && id is { Length: 18 } && id[6..12] == month.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        Check(SurveyField.BirthDate, error, "birthDate");
        return birth;
    }

    private string? Village(SurveyField field, string key, bool household)
    {
        var text = SurveyText.Compact(Text(field));
        if (text.Length == 0)
        {
            return null;
        }

        if (household && text.Length == 6 && text.All(char.IsAsciiDigit))
        {
            return text;
        }

        var match = options.Villages.Resolve(text);
        switch (match.Kind)
        {
            case VillageMatchKind.Found:
                return match.Code;
            case VillageMatchKind.OutsideJurisdiction when household && match.Candidates.Count == 1:
                return match.Candidates[0].Code; // a household registration may lie outside the jurisdiction (流动儿童)
            default:
                Problem(field, match.Message ?? "无法识别的村（社区）");
                _normalised.Add(key);
                return null;
        }
    }

    private IReadOnlyList<T> Several<T>(SurveyField field, IReadOnlyList<(T, string[])> options)
        where T : struct
    {
        var values = SurveyText.SeveralOf(Text(field), options, SurveyValues.Allowed(options), out var error);
        if (error is not null)
        {
            Problem(field, error);
        }

        return values;
    }

    private static T? One<T>(string? text, IReadOnlyList<(T, string[])> list, SurveyField field, Action<SurveyField, string> problem)
        where T : struct
    {
        var value = SurveyText.OneOf(text, list, SurveyValues.Allowed(list), out var error);
        if (error is not null)
        {
            problem(field, error);
        }

        return value;
    }

    private static bool? YesNo(CellValue? cell, SurveyField field, Action<SurveyField, string> problem)
    {
        var value = SurveyText.YesNo(cell, out var error);
        if (error is not null)
        {
            problem(field, error);
        }

        return value;
    }

    private DateOnly? Date(CellValue? cell, SurveyField field, Action<SurveyField, string> problem)
    {
        var value = SurveyText.Date(cell, date1904, out var error, out _);
        if (error is not null)
        {
            problem(field, error);
        }

        return value;
    }

    private void Check(SurveyField field, string? error, params string[] keys)
    {
        if (error is not null)
        {
            Problem(field, error);
            foreach (var k in keys)
            {
                _normalised.Add(k);
            }
        }
    }

    private CellValue? Cell(SurveyField field) => map.Of(field) is { } c ? _row[c.Index] : null;

    // Each cell's cleaned text once per row: a row asks for its fields many times.
    private string? Text(SurveyField field)
    {
        if (map.Of(field) is not { } c || _row[c.Index] is not { } cell)
        {
            return null;
        }

        if (!_texts.TryGetValue(c.Index, out var text))
        {
            var clean = SurveyText.Clean(cell.Text);
            _texts[c.Index] = text = clean.Length == 0 || SurveyText.EmptyMarkers.Contains(clean) ? null : clean;
        }

        return text;
    }

    private void Problem(SurveyField field, string message) => _problems.Add(At(map, _row, field, message));

    private static ImportProblem At(ColumnMap m, SheetRow row, SurveyField field, string message) =>
        m.Of(field) is { } c
            ? new ImportProblem(m.Sheet, row.Number, c.Header, row[c.Index]?.Text ?? string.Empty, message, c.Index)
            : new ImportProblem(m.Sheet, row.Number, string.Empty, string.Empty, message);

    // A register message keyed by its field (guardians[1].awaySince, categories[0].category) back at its cell.
    private void File(string key, string message)
    {
        if (key.StartsWith("guardians[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var close and > 10
            && int.TryParse(key.AsSpan(10, close - 10), System.Globalization.CultureInfo.InvariantCulture, out var i) && i < _guardianSources.Count)
        {
            var (_, row, m, fields) = _guardianSources[i];
            var sub = key[(close + 2)..];
            var field = fields.TryGetValue(sub, out var f) && m.Has(f) ? f : fields["name"];
            _problems.Add(At(m, row, field, message));
            return;
        }

        if (key.StartsWith("categories[", StringComparison.Ordinal))
        {
            Problem(key.EndsWith(".subType", StringComparison.Ordinal) && map.Has(SurveyField.CategorySubType) ? SurveyField.CategorySubType : SurveyField.Category, message);
            return;
        }

        var target = ChildKeys.TryGetValue(key, out var t) ? t : SurveyField.Name;
        while (!map.Has(target) && Fallbacks.TryGetValue(target, out var fallback))
        {
            target = fallback;
        }

        Problem(target, message);
    }
}

internal static class DictionaryExtensions
{
    public static void AddIf(this Dictionary<int, DateOnly> d, int key, DateOnly? value)
    {
        if (value is { } v)
        {
            d[key] = v;
        }
    }
}
