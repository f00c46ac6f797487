using Shouhu.Imports;

namespace Shouhu.TestData;

/// <summary>
/// A sheet laid out like the 2016 national form (民发〔2016〕42号 附件1 农村留守儿童基本情况登记表) as villages typed it into
/// Excel: a title row, a 填报单位/填报日期 row, a grouped two-row header — 留守儿童个人基本情况, 家庭情况 (祖父姓名 | 出生日期 …),
/// 父亲 and 母亲 (姓名 | 出生日期 | 当前务工地点 | 联系电话 | 公民身份证号码), 实际监护情况, 受委托监护人, then 监护类型,
/// 家庭经济来源 and 救助帮扶情况 merged over both header rows — and the form's answers as written (是/否, 小学, 健康 …).
/// The columns and their order are those of the form's text (ADR 012 says where it was found).
/// </summary>
public static class Form2016
{
    /// <summary>The group row (row 3) and the sub-header row (row 4), column by column.</summary>
    public static readonly (string Group, string Sub)[] Columns =
    [
        ("序号", ""),
        ("留守儿童个人基本情况", "姓名"), ("", "性别"), ("", "民族"), ("", "出生日期"), ("", "公民身份证号码"), ("", "是否登记户口"), ("", "户籍所在地"),
        ("", "现居住地"), ("", "身体情况"), ("", "残疾类别及等级"), ("", "患病类型"), ("", "是否学校寄宿"), ("", "就学情况"),
        ("家庭情况", "祖父姓名"), ("", "出生日期"), ("", "祖母姓名"), ("", "出生日期"), ("", "外祖父姓名"), ("", "出生日期"), ("", "外祖母姓名"), ("", "出生日期"),
        ("父亲", "姓名"), ("", "出生日期"), ("", "当前务工地点"), ("", "联系电话"), ("", "公民身份证号码"),
        ("母亲", "姓名"), ("", "出生日期"), ("", "当前务工地点"), ("", "联系电话"), ("", "公民身份证号码"),
        ("实际监护情况", "父母双方同时外出"), ("", "父母一方外出、另一方无监护能力"), ("", "无监护能力"), ("", "父母外出有无委托其他监护人"),
        ("受委托监护人", "姓名"), ("", "电话"), ("", "公民身份证号码"), ("", "与被监护人关系"), ("", "居住地地址"),
        ("监护类型", ""), ("家庭经济来源", ""), ("救助帮扶情况", ""),
    ];

    /// <summary>The merged ranges: the title, the groups across, the single columns down both header rows.</summary>
    public static IReadOnlyList<string> Merges()
    {
        var merges = new List<string> { $"A1:{Imports.Columns.Letter(Columns.Length - 1)}1" };
        var c = 0;
        while (c < Columns.Length)
        {
            var end = c;
            while (end + 1 < Columns.Length && Columns[end + 1].Group.Length == 0)
            {
                end++;
            }

            var (from, to) = (Imports.Columns.Letter(c), Imports.Columns.Letter(end));
            merges.Add(Columns[c].Sub.Length == 0 ? $"{from}3:{from}4" : $"{from}3:{to}3");
            c = end + 1;
        }

        return merges;
    }

    /// <summary>The workbook: <paramref name="children"/> rows of valid left-behind children of the generator's villages.</summary>
    public static byte[] Build(DateOnly asOf, int children = 3)
    {
        var rows = new List<SheetRowSpec>
        {
            SheetRowSpec.Of("示例县农村留守儿童基本情况登记表"),
            SheetRowSpec.Of("填报单位：（盖章）甲镇人民政府", null, null, null, null, null, null, null, null, null, "填报日期：2016年7月31日"),
            new(Columns.Select(c => (object?)(c.Group.Length > 0 ? c.Group : null)).ToList()),
            new(Columns.Select(c => (object?)(c.Sub.Length > 0 ? c.Sub : null)).ToList()),
        };
        var random = new Random(2016);
        for (var i = 0; i < children; i++)
        {
            var birth = asOf.AddYears(-6 - i).AddDays(-10);
            var id = SurveyGenerator.Id(SurveyGenerator.County, birth, 21 + (2 * i));
            rows.Add(SheetRowSpec.Of(
                i + 1, $"王{"一二三四五六七八九"[i % 9]}娃", "男", "汉族", birth.ToString("yyyy.M.d", System.Globalization.CultureInfo.InvariantCulture), id, "是", "甲镇甲1村",
                "甲镇甲1村", "健康", "—", "—", "否", "小学",
                "王老大", new DateOnly(1950, 1, 2), "—", "—", "李外公", "1952年3月4日", "赵外婆", "19540506",
                "王大", new DateOnly(1985, 5, 5), "广东省深圳市", "13800138000", SurveyGenerator.Id(SurveyGenerator.County, new DateOnly(1985, 5, 5), 31),
                "李二", new DateOnly(1987, 7, 7), "浙江省杭州市", "13900139000", SurveyGenerator.Id(SurveyGenerator.County, new DateOnly(1987, 7, 7), 42),
                "是", "否", null, "是",
                "王老大", "13700137000", SurveyGenerator.Id(SurveyGenerator.County, new DateOnly(1950, 1, 2), 51), "祖父", "甲镇甲1村3组",
                "监护情况一般", "打工收入、种养殖业", random.Next(2) == 0 ? "低保、医疗救助" : "—"));
        }

        return new XlsxBuilder().Sheet("Sheet1", rows, Merges()).Build();
    }
}
