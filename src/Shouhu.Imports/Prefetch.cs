using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Shouhu.Imports;

/// <summary>
/// Reads a sequence one step ahead on a thread of its own: the sheet's XML is inflated and parsed into rows on one core
/// while the rows before are normalised and validated on the other (docs/performance.md "Survey import").
/// </summary>
internal static class Prefetch
{
    /// <summary>
    /// The items of <paramref name="source"/> in order, at most <paramref name="capacity"/> read ahead. A failure of the
    /// source is thrown to the consumer where the item would have been; a consumer that stops early stops the reading, and
    /// the enumerator's disposal waits for it, so the source is never touched by two threads or after the consumer is done.
    /// </summary>
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int capacity)
    {
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var item in source)
                    {
                        queue.Add(item, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped.
                }
#pragma warning disable CA1031 // Any failure of the source is the consumer's, thrown there.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
    }
}
