using Shouhu.Domain.Time;

namespace Shouhu.Web.Shared;

/// <summary>
/// Reads the city's <see cref="WorkingCalendar"/> from configuration: <c>WorkingCalendar:Years:YYYY:Holidays</c> and
/// <c>MakeUpWorkdays</c> (lists of dates <c>2026-10-01</c> or inclusive ranges <c>2026-10-01~2026-10-07</c>, as an array or
/// comma-separated) and <c>Source</c> (the notice, 文号). appsettings.json carries 2025 and 2026 from the State Council's notices.
/// </summary>
public static class WorkingCalendarSettings
{
    /// <summary>Days before <see cref="WorkingCalendar.EndsOn"/> from which the calendar is said to end soon (the next year's notice is usually published in November).</summary>
    public const int EndsSoonDays = 60;

    /// <summary>The configured calendar (weekdays only when nothing is configured).</summary>
    /// <exception cref="InvalidOperationException">For a year that is not a year, a value that is not a date or a range, or an entry with <see cref="CalendarYear.Problems"/>.</exception>
    public static WorkingCalendar From(IConfiguration config)
    {
        var years = new List<CalendarYear>();
        foreach (var section in config.GetSection("WorkingCalendar:Years").GetChildren())
        {
            if (!int.TryParse(section.Key, out var year) || year is < 2000 or > 2100)
            {
                throw new InvalidOperationException($"WorkingCalendar:Years:{section.Key} is not a year.");
            }

            var entry = new CalendarYear(year, Dates(section.GetSection("Holidays"), section.Path), Dates(section.GetSection("MakeUpWorkdays"), section.Path), section["Source"] ?? string.Empty);
            if (entry.Problems() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"{section.Path}: {string.Join("; ", problems)}");
            }

            years.Add(entry);
        }

        return new WorkingCalendar(years);
    }

    /// <summary>
    /// The Chinese notice for officers when the calendar does not cover <paramref name="today"/> plus <see cref="EndsSoonDays"/>
    /// days (工作日历截至…), or null when it does.
    /// </summary>
    public static string? EndsSoonNotice(WorkingCalendar calendar, DateOnly today)
    {
        var missing = calendar.MissingYears(today, today.AddDays(EndsSoonDays));
        if (missing.Count == 0)
        {
            return null;
        }

        var ends = calendar.EndsOn is { } e ? $"工作日历截至 {e:yyyy-MM-dd}" : "未配置工作日历";
        return $"{ends}：{string.Join("、", missing)} 年的节假日安排尚未配置，期间的时限只按周一至周五计算，请系统管理员按国务院办公厅的放假通知补充";
    }

    private static HashSet<DateOnly> Dates(IConfigurationSection section, string path)
    {
        var parts = section.GetChildren().Select(c => c.Value ?? string.Empty).ToList();
        if (parts.Count == 0 && section.Value is { } joined)
        {
            parts = [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        var set = new HashSet<DateOnly>();
        foreach (var part in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var ends = part.Split('~', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !DateText.TryParse(ends[0], out var from) || !DateText.TryParse(ends[^1], out var to) || to < from)
            {
                throw new InvalidOperationException($"{path}:{section.Key}: '{part}' is not a date or a range 'YYYY-MM-DD~YYYY-MM-DD'.");
            }

            for (var d = from; d <= to; d = d.AddDays(1))
            {
                set.Add(d);
            }
        }

        return set;
    }
}

/// <summary>
/// Says once per year, as a warning in the log, that a clock needed a year the calendar has no entry for (counted as
/// weekdays only) — at start for this year and, in the last <see cref="WorkingCalendarSettings.EndsSoonDays"/> days, the next.
/// </summary>
public sealed partial class WorkingCalendarCheck(WorkingCalendar calendar, TimeProvider clock, ILogger<WorkingCalendarCheck> logger) : IHostedService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _warned = new();

    /// <summary>Warns for each year between the two China dates that has no entry (once per year and process).</summary>
    public void Needs(DateOnly from, DateOnly to)
    {
        foreach (var year in calendar.MissingYears(from, to))
        {
            if (_warned.TryAdd(year, true))
            {
                LogMissingYear(year, calendar.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "（未配置）");
            }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        Needs(today, today.AddDays(WorkingCalendarSettings.EndsSoonDays));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "工作日历没有 {Year} 年的节假日安排（日历截至 {EndsOn}）：该年的时限只按周一至周五计算，请配置 WorkingCalendar:Years:{Year}")]
    private partial void LogMissingYear(int year, string endsOn);
}
