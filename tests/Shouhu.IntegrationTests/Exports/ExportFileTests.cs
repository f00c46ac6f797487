using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>A list export answered at once never drops its tail silently (<see cref="ExportFile.AtMost"/>).</summary>
public sealed class ExportFileTests
{
    private static async IAsyncEnumerable<int> Count(int n)
    {
        for (var i = 1; i <= n; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    public async Task AtMost_UpToTheLimit_GivesEveryRow(int rows, int max)
    {
        var seen = new List<int>();
        await foreach (var r in ExportFile.AtMost(Count(rows), max, TestContext.Current.CancellationToken))
        {
            seen.Add(r);
        }

        Assert.Equal(Enumerable.Range(1, rows), seen);
    }

    [Fact]
    public async Task AtMost_OneRowOverTheLimit_RefusesWithTheLimitInTheMessage_AfterTheRowsItMayHold()
    {
        var seen = new List<int>();
        var refused = await Assert.ThrowsAsync<ExportTooLargeException>(async () =>
        {
            await foreach (var r in ExportFile.AtMost(Count(100_001), 100_000, TestContext.Current.CancellationToken))
            {
                seen.Add(r);
            }
        });
        Assert.Equal(100_000, seen.Count);
        Assert.StartsWith("结果超过 100,000 行", refused.Message, StringComparison.Ordinal);
    }
}
