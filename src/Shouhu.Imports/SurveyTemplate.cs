using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouhu.Domain.Identity;

namespace Shouhu.Imports;

/// <summary>
/// The survey template (issue #12 item 1): sheets 儿童 (one row per child, every column of <see cref="SurveyFields"/>),
/// 家庭成员 (keyed by the child's ID number or row number) and 填表说明 (each column's meaning, allowed values and an
/// example), with example rows marked 示例 in 序号 — the reader skips them (<see cref="SurveyOptions.SkipExamples"/>).
/// ID-number and phone columns are formatted as text, so Excel keeps all 18 digits.
/// </summary>
public static class SurveyTemplate
{
    /// <summary>The 序号 of an example row.</summary>
    public const string ExampleMark = "示例";

    /// <summary>The example village code the example rows use; a user replaces it with a village of their own.</summary>
    public const string ExampleVillage = "430721100201";

    /// <summary>Writes the template to <paramref name="output"/>; the example children's ages are those of <paramref name="today"/>.</summary>
    public static void Write(Stream output, DateOnly today)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook(new Sheets());
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }));

        var child = SurveyFields.Of(SurveyFields.ChildSheet);
        var family = SurveyFields.Of(SurveyFields.FamilySheet);
        AddSheet(wb, SurveyFields.ChildSheet, child, ChildExamples(today));
        AddSheet(wb, SurveyFields.FamilySheet, family, FamilyExamples(today));
        AddInstructions(wb);
        wb.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart wb, string name, IReadOnlyList<FieldInfo> fields, IEnumerable<Dictionary<SurveyField, string>> examples)
    {
        var rows = new List<Row> { new(fields.Select((f, i) => Text(i, 1, f.Header, 1u))) { RowIndex = 1 } };
        var n = 2u;
        foreach (var example in examples)
        {
            rows.Add(new Row(fields.Select((f, i) => Text(i, n, example.GetValueOrDefault(f.Field) ?? string.Empty, IsText(f.Field) ? 2u : 0u))) { RowIndex = n });
            n++;
        }

        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(fields.Select((f, i) => new Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = Math.Max(8, f.Header.Length * 2.2),
            CustomWidth = true,
            Style = IsText(f.Field) ? 2u : 0u,
        }));
        Append(wb, name, new Worksheet(columns, new SheetData(rows)));
    }

    private static void AddInstructions(WorkbookPart wb)
    {
        string[] head = ["工作表", "列名", "含义", "可填写的值", "示例"];
        var rows = new List<Row>
        {
            new(Text(0, 1, "填表说明：每个儿童填一行（“儿童”表）；祖父母、父母以外的家庭成员，或需要写明更多情况的父母，填在“家庭成员”表，用儿童的公民身份号码（没有时用儿童在“儿童”表中的行号）对应。序号为“示例”的行不会导入。身份证号列已设为文本，请勿改为数字。", 0)) { RowIndex = 1 },
            new(head.Select((h, i) => Text(i, 2, h, 1))) { RowIndex = 2 },
        };
        var r = 3u;
        foreach (var f in SurveyFields.All)
        {
            rows.Add(new Row(new[] { f.Sheet, f.Header, f.Meaning, f.Allowed, f.Example }.Select((t, i) => Text(i, r, t, 0))) { RowIndex = r });
            r++;
        }

        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(new[] { 10d, 24, 40, 60, 20 }.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        Append(wb, SurveyFields.InstructionsSheet, new Worksheet(columns, new SheetData(rows)));
    }

    private static void Append(WorkbookPart wb, string name, Worksheet worksheet)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = wb.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static bool IsText(SurveyField f) =>
        f is SurveyField.CitizenIdNumber or SurveyField.FatherIdNumber or SurveyField.MotherIdNumber or SurveyField.CaregiverIdNumber or SurveyField.MemberChildIdNumber or SurveyField.MemberIdNumber
            or SurveyField.ContactPhone or SurveyField.FatherPhone or SurveyField.MotherPhone or SurveyField.CaregiverPhone or SurveyField.MemberPhone
            or SurveyField.Residence or SurveyField.HouseholdRegion or SurveyField.FatherWorkRegion or SurveyField.MotherWorkRegion or SurveyField.MemberWorkRegion;

    private static Cell Text(int column, uint row, string text, uint style) => new()
    {
        CellReference = Imports.Columns.Letter(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    private static string Id(string address, DateOnly birth, int sequence)
    {
        var first17 = address + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<Dictionary<SurveyField, string>> ChildExamples(DateOnly today)
    {
        var birth = new DateOnly(today.Year - 10, 3, 1);
        var away = new DateOnly(today.Year - 2, 3, 1);
        var county = ExampleVillage[..6];
        yield return new()
        {
            [SurveyField.SerialNumber] = ExampleMark,
            [SurveyField.Name] = "张小明",
            [SurveyField.Sex] = "男",
            [SurveyField.Ethnicity] = "汉族",
            [SurveyField.BirthDate] = Iso(birth),
            [SurveyField.CitizenIdNumber] = Id(county, birth, 11),
            [SurveyField.HouseholdRegistered] = "是",
            [SurveyField.HouseholdRegion] = ExampleVillage,
            [SurveyField.HouseholdKind] = "农村",
            [SurveyField.Residence] = ExampleVillage,
            [SurveyField.Address] = "3组12号",
            [SurveyField.Health] = "健康",
            [SurveyField.Boarding] = "否",
            [SurveyField.SchoolStage] = "小学",
            [SurveyField.SchoolName] = "某某镇中心小学",
            [SurveyField.Grade] = "四年级",
            [SurveyField.ContactPhone] = "13800000000",
            [SurveyField.GrandfatherName] = "张老汉",
            [SurveyField.GrandfatherBirthDate] = "1955-03-01",
            [SurveyField.FatherName] = "张大山",
            [SurveyField.FatherBirthDate] = "1988-05-01",
            [SurveyField.FatherIdNumber] = Id(county, new DateOnly(1988, 5, 1), 13),
            [SurveyField.FatherWorkPlace] = "广东省深圳市",
            [SurveyField.FatherPhone] = "13900000001",
            [SurveyField.FatherAway] = "是",
            [SurveyField.FatherAwaySince] = Iso(away),
            [SurveyField.FatherWorkRegion] = "4403",
            [SurveyField.FatherStatus] = "健在",
            [SurveyField.MotherName] = "李小芳",
            [SurveyField.MotherBirthDate] = "1990-06-01",
            [SurveyField.MotherIdNumber] = Id(county, new DateOnly(1990, 6, 1), 22),
            [SurveyField.MotherWorkPlace] = "广东省东莞市",
            [SurveyField.MotherPhone] = "13700000002",
            [SurveyField.MotherAway] = "是",
            [SurveyField.MotherAwaySince] = Iso(away),
            [SurveyField.MotherWorkRegion] = "4419",
            [SurveyField.MotherStatus] = "健在",
            [SurveyField.BothParentsAway] = "是",
            [SurveyField.OneAwayOtherIncapable] = "否",
            [SurveyField.HasEntrustedCaregiver] = "是",
            [SurveyField.CaregiverName] = "张老汉",
            [SurveyField.CaregiverPhone] = "13600000003",
            [SurveyField.CaregiverIdNumber] = Id(county, new DateOnly(1955, 3, 1), 15),
            [SurveyField.CaregiverRelation] = "祖父",
            [SurveyField.CaregiverAddress] = "3组12号",
            [SurveyField.GuardianshipType] = "监护情况较好",
            [SurveyField.IncomeSources] = "打工收入、种养殖业",
            [SurveyField.Category] = "农村留守儿童",
        };
        yield return new()
        {
            [SurveyField.SerialNumber] = ExampleMark,
            [SurveyField.Name] = "李小红",
            [SurveyField.Sex] = "女",
            [SurveyField.Ethnicity] = "土家",
            [SurveyField.BirthDate] = Iso(new DateOnly(today.Year - 5, 6, 1)),
            [SurveyField.Residence] = ExampleVillage,
            [SurveyField.Health] = "健康",
            [SurveyField.SchoolStage] = "幼儿园",
        };
    }

    private static IEnumerable<Dictionary<SurveyField, string>> FamilyExamples(DateOnly today)
    {
        _ = today;
        yield return new()
        {
            [SurveyField.SerialNumber] = ExampleMark,
            [SurveyField.MemberChildRow] = "3",
            [SurveyField.MemberName] = "李大军",
            [SurveyField.MemberRelation] = "父亲",
            [SurveyField.MemberBirthDate] = "1987-01-15",
            [SurveyField.MemberStatus] = "健在",
            [SurveyField.MemberIsGuardian] = "是",
            [SurveyField.MemberAway] = "否",
            [SurveyField.MemberPhone] = "13500000004",
        };
    }
}
