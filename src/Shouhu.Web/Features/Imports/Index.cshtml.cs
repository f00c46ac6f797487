using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// 摸底排查导入 (<c>/Imports</c>; issue #12): the upload form — the file and its 统计截止日 (today in China by default) — and
/// the caller's own recent imports. The upload goes through <see cref="StartImport"/> (the API's own use case) and then
/// to the import's page, where its progress is followed; a refused file comes back with the reason at its field.
/// </summary>
public sealed class IndexModel(ShouhuDbContext db, StartImport start, TimeProvider clock) : PageModel
{
    /// <summary>How many of the caller's imports the list shows.</summary>
    public const int Recent = 20;

    /// <summary>The 统计截止日 typed (<c>YYYY-MM-DD</c>).</summary>
    [BindProperty] public string? AsOf { get; set; }

    /// <summary>The file chosen.</summary>
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>Messages by field (<c>file</c>, <c>asOf</c>).</summary>
    public ValidationErrors Errors { get; private set; } = new();

    /// <summary>The caller's latest imports, newest first.</summary>
    public List<ImportJob> Items { get; private set; } = [];

    /// <summary>Shows the form and the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf ??= ChinaTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    /// <summary>Uploads the file and goes to its page; or the form again with the reasons.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("file", Upload is null ? "请选择要导入的文件（.xlsx 或 .csv）" : "文件是空的");
        }
        else if (Upload.Length > ImportFiles.MaxBytes)
        {
            Errors.Add("file", ImportFiles.TooLarge);
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            var outcome = await start.RunAsync(content, Upload.FileName, Upload.Length, AsOf, ct);
            if (outcome.Ok)
            {
                return Redirect($"/Imports/{outcome.Value!.Id}");
            }

            Errors = outcome.Refusal?.Errors ?? new ValidationErrors();
            if (Errors.IsEmpty)
            {
                Errors.Add("file", outcome.Message ?? "无法导入");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = await db.ImportJobs.AsNoTracking().Where(j => j.CreatedBy == db.Caller.ActorId)
            .OrderByDescending(j => j.CreatedAt).Take(Recent).ToListAsync(ct);

    /// <summary>A status in Chinese.</summary>
    public static string StatusText(ImportStatus status) => status switch
    {
        ImportStatus.Validating => "核查中",
        ImportStatus.Validated => "核查通过",
        ImportStatus.Invalid => "有未通过的行",
        ImportStatus.Committing => "导入中",
        ImportStatus.Committed => "已导入",
        _ => "无法读取",
    };
}
