using System.Diagnostics;
using System.Globalization;
using Shouhu.Imports;
using Shouhu.TestData;

/// <summary>
/// Survey reading (issue #12): <c>--mode survey-generate --file F --children N</c> writes a generated survey (N children,
/// two family members each, no faults); <c>--mode survey-read --file F</c> reads it once — open, map, validate every row
/// with the register's rules — and prints one line: rows, valid rows, seconds and the process's peak RSS (VmHWM, MiB).
/// bench/survey-read.sh runs the read in a fresh process each time, so each run's peak is its own.
/// </summary>
internal static class SurveyReadBench
{
    public static void Generate(Dictionary<string, string> options)
    {
        var n = int.Parse(options.GetValueOrDefault("children", "100000"), CultureInfo.InvariantCulture);
        var survey = SurveyGenerator.Generate(n, 0, new DateOnly(2026, 6, 30));
        File.WriteAllBytes(options["file"], survey.Content);
        Console.WriteLine($"{survey.Children} children, {survey.Members} family members, {survey.Content.Length / 1024.0 / 1024.0:F1} MiB");
    }

    public static void Read(Dictionary<string, string> options)
    {
        var watch = Stopwatch.StartNew();
        var content = File.ReadAllBytes(options["file"]);
        using var reading = SurveyReading.Open(content, null, out var refusal) ?? throw new InvalidOperationException(refusal);
        var rows = 0;
        var valid = 0;
        foreach (var row in reading.Rows(new SurveyOptions(new DateOnly(2026, 6, 30), new VillageDirectory(SurveyGenerator.Regions(), SurveyGenerator.County))))
        {
            rows++;
            valid += row.IsValid ? 1 : 0;
        }

        watch.Stop();
        var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} valid={valid} seconds={watch.Elapsed.TotalSeconds:F2} peakMiB={long.Parse(hwm, CultureInfo.InvariantCulture) / 1024.0:F0}"));
    }
}
