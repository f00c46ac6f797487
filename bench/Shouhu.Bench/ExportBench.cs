// Export benchmark (issue #12 item 8): N generated children rows, shaped like the children export's 13 columns, through
// the one streamed xlsx writer (Exports/XlsxStreamWriter) into a file — time per run (median and p95 over the runs), the
// managed heap after each run (GC.GetTotalMemory), and the process's peak working set (Process.PeakWorkingSet64) and
// peak resident set (VmHWM in /proc/self/status). One process per N, so the peaks are N's own (bench/exports.sh).
// usage: Shouhu.Bench --mode export --rows 1000000 [--runs 5] [--out /tmp/shouhu-export-bench.xlsx]
using System.Diagnostics;
using System.Globalization;
using Shouhu.Web.Shared;

internal static class ExportBench
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "阿依古丽·", "𠮷"];
    private static readonly string[] Given = ["小雨", "子涵", "浩然", "一诺", "欣怡", "梓轩", "雨桐", "买买提", "宇航"];

    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var rows = int.Parse(options.GetValueOrDefault("rows", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
        var path = options.GetValueOrDefault("out", Path.Combine(Path.GetTempPath(), $"shouhu-export-bench-{rows}.xlsx"));
        string[] columns = ["姓名", "性别", "公民身份号码", "年龄", "民族", "居住村（社区）", "区划代码", "详细地址", "户籍性质", "就学状况", "学校", "年级", "联系电话"];
        var before = Hwm();
        var times = new List<double>();
        var heaps = new List<long>();
        long size = 0;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                var written = await XlsxStreamWriter.WriteAsync(file, "儿童名册", columns, Generate(rows));
                if (written != rows)
                {
                    throw new InvalidOperationException($"wrote {written} rows, expected {rows}");
                }
            }

            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
            heaps.Add(GC.GetTotalMemory(false));
            size = new FileInfo(path).Length;
            Console.WriteLine($"run {run + 1}: {watch.Elapsed.TotalSeconds:F2} s, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB");
        }

        File.Delete(path);
        var sorted = times.Order().ToList();
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        Console.WriteLine($"| {rows:N0} | {sorted[sorted.Count / 2]:F2} s | {p95:F2} s | {string.Join(" ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} | {heaps.Max() / 1048576.0:F1} MiB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MiB | {Hwm() / 1024.0:F1} MiB (before: {before / 1024.0:F1} MiB) | {size / 1048576.0:F1} MiB |");
    }

    // Rows as the children export writes them: masked ID number and phone, the age, a village of Wuling district.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> Generate(int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var village = $"430702{(i % 17) + 1:000}{(i % 23) + 1:000}";
            yield return
            [
                Surnames[i % Surnames.Length] + Given[i % Given.Length], i % 2 == 0 ? "男" : "女", $"430702********{i % 10000:0000}", 3 + (i % 15), "汉族",
                $"第{(i % 23) + 1}村", village, $"{(i % 9) + 1}组{(i % 60) + 1}号", "农业户口", "在校", "启明小学", $"{(i % 6) + 1}年级", $"138****{i % 10000:0000}",
            ];
            if (i % 100_000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static long Hwm() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
}
