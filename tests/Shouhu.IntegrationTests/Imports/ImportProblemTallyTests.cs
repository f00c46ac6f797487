using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.Web.Features.Imports;
using Xunit;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>The import's problems totalled by kind on the job (<see cref="ImportProblemTally"/>): what a kind is, and the sums.</summary>
public class ImportProblemTallyTests
{
    [Theory]
    [InlineData("校验位应为 7", "校验位应为 …")]
    [InlineData("校验位应为 X", "校验位应为 …")]
    [InlineData("区划代码 430702999999 不存在", "区划代码 … 不存在")]
    [InlineData("与第 12 行的身份证号相同：同一儿童只填写一行", "与第 … 行的身份证号相同")]
    [InlineData("性别与身份证号不一致（身份证号第17位表示女）", "性别与身份证号不一致")]
    [InlineData("统计截止日应为 YYYY-MM-DD 格式的日期", "统计截止日应为 YYYY-MM-DD 格式的日期")]
    [InlineData("请填写姓名", "请填写姓名")]
    public void Kind_IsTheRulesWordsWithoutTheRowsValues(string message, string kind) =>
        Assert.Equal(kind, ImportProblemTally.Kind(message));

    [Fact]
    public void Add_CountsEachProblemUnderItsKind_AndClearEmptiesTheTotals()
    {
        var job = new ImportJob();
        ImportProblemTally.Add(job, [new("儿童", 2, "D", "1", "校验位应为 7"), new("儿童", 3, "D", "2", "校验位应为 X")]);
        ImportProblemTally.Add(job, []);
        ImportProblemTally.Add(job, [new("儿童", 4, "A", "", "请填写姓名")]);
        Assert.Equal(3, job.ProblemsTotal);
        Assert.Equal(new Dictionary<string, int> { ["校验位应为 …"] = 2, ["请填写姓名"] = 1 }, ImportProblemTally.Kinds(job));
        ImportProblemTally.Clear(job);
        Assert.Equal((0, null), (job.ProblemsTotal, job.ProblemKinds));
        Assert.Empty(ImportProblemTally.Kinds(job));
    }
}
