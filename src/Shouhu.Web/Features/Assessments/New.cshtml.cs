using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>The guardianship risk assessment form: the current instrument's questions as taps (the age one answered from the birth date); the emergency override skips them.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class NewModel(Instruments instruments, AssessChild assess, ShouhuDbContext db, TimeProvider clock) : PageModel
{
    public string ChildName { get; private set; } = string.Empty;
    public InstrumentDefinition Definition { get; private set; } = null!;
    public int Version { get; private set; }
    public ValidationErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    /// <summary>The age question's answer as the birth date gives it (shown, not asked), and the child's age; null when the instrument asks it.</summary>
    public (InstrumentOption Option, int Age)? AgeAnswer { get; private set; }

    /// <summary>The posted answer of a question (kept when the save is refused).</summary>
    public string? Posted(string code) => Request.HasFormContentType ? Request.Form[$"q:{code}"].ToString() : null;

    /// <summary>The emergency choice and its note as posted (kept, with the section open, when the save is refused).</summary>
    public bool PostedEmergency => Request.HasFormContentType && Request.Form["emergencyOverride"].ToString() == "true";

    /// <inheritdoc cref="PostedEmergency"/>
    public string? PostedNote => Request.HasFormContentType ? Request.Form["note"].ToString() : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool emergencyOverride, string? note, CancellationToken ct)
    {
        var answers = Request.Form.Keys.Where(k => k.StartsWith("q:", StringComparison.Ordinal) && !string.IsNullOrEmpty(Request.Form[k]))
            .ToDictionary(k => k[2..], k => Request.Form[k].ToString(), StringComparer.Ordinal);
        var actor = Actor.From(User);
        var outcome = await assess.RunAsync(id, new AssessmentRequest(answers, emergencyOverride, note), actor, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok && outcome.Value is { } response)
        {
            TempData["visit"] = (response.EmergencyOverride ? "评估完成：紧急情况直接评为高风险。" : $"评估完成：{response.Score} 分，{(response.Level switch { "high" => "高风险", "medium" => "中风险", _ => "低风险" })}。")
                + $"由{response.InterveningLevel}介入，须提供：{string.Join("、", (response.RequiredServices ?? []).Select(s => Domain.Casework.CaseworkNames.Of(Enum.Parse<Domain.Casework.ServiceType>(s))))}；每 {response.VisitEveryDays} 天走访一次。下次评估：{response.NextDueOn:yyyy-MM-dd}";
            return Redirect($"/Children/Details/{id}");
        }

        Errors = outcome.Errors;
        var problems = Errors.ToDictionary().SelectMany(kv => kv.Value).ToList();
        Message = outcome.Message ?? (problems.Count > 3
            ? $"未保存：还有 {problems.Count} 道题未答或有误，已在题目下标出（已选的答案都保留着）。"
            : "未保存：" + string.Join("；", problems));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.RegionCode, c.BirthDate }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return false;
        }

        ChildName = child.Name;
        var (row, definition) = await instruments.CurrentAsync(child.RegionCode, ct);
        (Definition, Version) = (definition, row.Version);
        var age = Domain.Time.ChinaTime.AgeOn(child.BirthDate, Domain.Time.ChinaTime.Today(clock));
        AgeAnswer = RiskScoring.AgeAnswer(definition, age) is { } fits ? (fits, age) : null;
        return true;
    }
}
