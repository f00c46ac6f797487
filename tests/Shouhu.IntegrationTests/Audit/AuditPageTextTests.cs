using Shouhu.Web.Features.Audit;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Audit;

/// <summary>The audit page's Chinese (issue #10 item 10): every detail shape the use cases write, and the masked name of a child.</summary>
public sealed class AuditPageTextTests
{
    public static TheoryData<string, string> Details() => new()
    {
        { "rows=3", "共 3 条" },
        { "due-visits;rows=2;children=2:" + new string('a', 64), "待走访名单；共 2 条；涉及儿童 2 名" },
        { "intake-search;rows=0;children=0:" + new string('0', 64), "登记报告时查找儿童；共 0 条；涉及儿童 0 名" },
        { "box=inbox;rows=1", "收到的转介；共 1 条" },
        { "box=outgoing;rows=4", "发出的转介；共 4 条" },
        { "rows=5; region=430702;q=yes;fullIdNumbers=yes;purpose=县级年度核查", "共 5 条；区划 430702；按姓名或身份证号查找；含完整身份证号；用途：县级年度核查" },
        { "visits", "走访记录" },
        { "assessments", "评估记录" },
        { "role=ChildDirector", "角色：儿童主任" },
        { "Status,UpdatedAt", "修改了：状态、修改时间" },
        { "CaseEvent:Create:0190a0b0-0000-7000-8000-000000000001", "时间线记录：新建" },
        { "password-right", "密码正确，但账号处于锁定期" },
    };

    /// <summary>
    /// Every word-like detail a use case writes into the audit (<c>RecordAudit(…, "password-right" …)</c>: a lower-case
    /// token, hyphenated or <c>key=value</c>) reads in Chinese on the page: a new one without its Chinese name fails here.
    /// </summary>
    [Fact]
    public void DetailText_EveryTokenTheSourceAudits_HasAChineseName()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shouhu.slnx")))
        {
            root = root.Parent;
        }

        var tokens = Directory.EnumerateFiles(Path.Combine(root!.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(File.ReadLines).Where(l => l.Contains("RecordAudit(", StringComparison.Ordinal))
            .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, "\"([a-z]+(?:-[a-z]+)+|[a-z]+=[a-z]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("password-right", tokens); // the scan sees the detail literals at all
        var english = tokens.Where(t => System.Text.RegularExpressions.Regex.IsMatch(IndexModel.DetailText(t), "[A-Za-z]")).ToList();
        Assert.True(english.Count == 0, "Audit details without a Chinese name: " + string.Join(", ", english));
    }

    [Theory]
    [MemberData(nameof(Details))]
    public void DetailText_ReadsInChinese_WithoutDigestsOrIdentifiers(string stored, string shown) =>
        Assert.Equal(shown, IndexModel.DetailText(stored));

    [Theory]
    [InlineData("陈小雨", "陈*雨")]
    [InlineData("李娜", "李*")]
    [InlineData("𠮷", "𠮷")]
    [InlineData("𠮷小明", "𠮷*明")]
    [InlineData("阿依古丽·买买提", "阿******提")]
    [InlineData("  王五  ", "王*")]
    [InlineData("", "")]
    public void MaskName_KeepsFirstAndLastCharacter_CountingSurrogatePairsAsOne(string name, string masked) =>
        Assert.Equal(masked, PersonalDataPolicy.MaskName(name));
}
