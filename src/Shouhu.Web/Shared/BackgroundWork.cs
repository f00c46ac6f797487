using System.Threading.Channels;

namespace Shouhu.Web.Shared;

/// <summary>
/// Ids of stored jobs waiting for a background runner (imports, exports), in order. The job itself is in the database, so
/// a restart loses nothing: the runner re-enqueues the unfinished ones at start-up. Each kind of job has its own sealed
/// subclass, registered as a singleton.
/// </summary>
public abstract class JobQueue
{
    private readonly Channel<Guid> _ids = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks the runner to take up job <paramref name="id"/> (its stored status says what to do).</summary>
    public void Enqueue(Guid id) => _ids.Writer.TryWrite(id);

    /// <summary>The ids as they come.</summary>
    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _ids.Reader.ReadAllAsync(ct);
}

/// <summary>What the progress pages of background work share.</summary>
public static class BackgroundWork
{
    /// <summary>Seconds left as the end of a progress line: <c>，约剩 N 秒</c> under a minute, else <c>，约剩 N 分钟</c>; empty when unknown.</summary>
    public static string TimeLeft(int? seconds) => seconds switch
    {
        null => string.Empty,
        < 60 => $"，约剩 {seconds} 秒",
        _ => $"，约剩 {(seconds + 59) / 60} 分钟",
    };
}
