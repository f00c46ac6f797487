using Shouhu.Imports;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>The sheet reader's read-ahead (<see cref="Prefetch"/>): order, failures, and an early stop.</summary>
public class PrefetchTests
{
    private static IEnumerable<int> Numbers(int count, int failAt = -1, Action<int>? onEach = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new SurveyFileException("第 " + i + " 行超过上限");
            }

            onEach?.Invoke(i);
            yield return i;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(10_000)]
    public void Ahead_GivesEveryItemInOrder(int count) =>
        Assert.Equal(Enumerable.Range(0, count), Prefetch.Ahead(Numbers(count), 16));

    [Theory]
    [InlineData(700)] // at the end of a hand-over chunk
    [InlineData(701)] // inside one
    [InlineData(0)]
    public void Ahead_ASourceFailure_IsThrownWhereItsItemWouldBe_AfterTheItemsBefore(int failAt)
    {
        var got = new List<int>();
        var e = Assert.Throws<SurveyFileException>(() =>
        {
            foreach (var i in Prefetch.Ahead(Numbers(1000, failAt), 16))
            {
                got.Add(i);
            }
        });
        Assert.Equal($"第 {failAt} 行超过上限", e.Message);
        Assert.Equal(Enumerable.Range(0, failAt), got);
    }

    [Fact]
    public void Ahead_StoppedEarly_StopsTheReadingBeforeTheEnumeratorIsDisposed()
    {
        var read = 0;
        using (var items = Prefetch.Ahead(Numbers(1_000_000, onEach: _ => Interlocked.Increment(ref read)), 16).GetEnumerator())
        {
            Assert.True(items.MoveNext());
            Assert.Equal(0, items.Current);
        }

        // Disposed: the producer has stopped and touches the source no more.
        var after = Volatile.Read(ref read);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.InRange(after, 1, 16 + 2 + 2 + 1); // the capacity, the chunk being filled and the one taken, and one more
    }
}
