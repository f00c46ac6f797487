using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Shouhu.Imports;

/// <summary>
/// Reads a sequence one step ahead on a thread of its own: the sheet's XML is inflated and parsed into rows on one core
/// while the rows before are normalised and validated on the other (docs/performance.md "Survey import"). The items are
/// handed over in chunks: one lock and wake-up per chunk rather than per row.
/// </summary>
internal static class Prefetch
{
    // The read-ahead is handed over in this many chunks.
    private const int Chunks = 8;

    /// <summary>
    /// The items of <paramref name="source"/> in order, at most <paramref name="capacity"/> read ahead. A failure of the
    /// source is thrown to the consumer where the item would have been; a consumer that stops early stops the reading, and
    /// the enumerator's disposal waits for it, so the source is never touched by two threads or after the consumer is done.
    /// </summary>
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int capacity)
    {
        var size = Math.Max(1, capacity / Chunks);
        using var queue = new BlockingCollection<List<T>>(Math.Max(1, capacity / size));
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(
            () =>
            {
                var chunk = new List<T>(size);
                try
                {
                    foreach (var item in source)
                    {
                        chunk.Add(item);
                        if (chunk.Count == size)
                        {
                            queue.Add(chunk, stop.Token);
                            chunk = new List<T>(size);
                        }
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
                    try
                    {
                        if (chunk.Count > 0)
                        {
                            queue.Add(chunk, stop.Token); // the items before the end or the failure
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        // The consumer stopped.
                    }

                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
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
