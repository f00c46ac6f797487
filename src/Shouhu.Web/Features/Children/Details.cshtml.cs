using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>One child's record (audited as a View) with its categories' verification, family and history; 404 outside the jurisdiction.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class DetailsModel(ChildQueries queries, CategoryEdits categories, GuardianEdits guardians, ShouhuDbContext db, Prevention.PreventionActivities prevention, Assessments.ChildMonitoring monitoring) : PageModel
{
    public ChildResponse Child { get; private set; } = null!;
    public List<Region> Path { get; private set; } = [];
    public List<ChildRevisionResponse> History { get; private set; } = [];
    public bool JustCreated { get; private set; }
    public bool Saved { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public ValidationErrors GuardianErrors { get; private set; } = new();
    public List<Prevention.PreventionResponse> PreventionReached { get; private set; } = [];
    public Assessments.ChildMonitoringView? Monitoring { get; private set; }
    /// <summary>True when the caller writes the register (修改, family, categories); the same roles as <see cref="Policies.WriteRegistry"/>.</summary>
    public bool CanWrite => Role is not null && Roles.RegistryWriters.Contains(Role);
    private string? Role => User.FindFirstValue(ClaimTypes.Role);

    /// <summary>The verification actions the caller may take on a category now (CategoryWorkflow decides).</summary>
    public IEnumerable<(string Action, string Text)> ActionsFor(ChildCategoryResponse k)
    {
        if (!CanWrite)
        {
            yield break;
        }

        var status = ChildCategory.ParseStatusText(k.Status) ?? CategoryStatus.Exited;
        var level = RegionCode.LevelOf(db.Caller.JurisdictionCode) ?? 5;
        foreach (var (action, api, text) in new[] { (CategoryAction.TownshipVerify, "township-verify", "乡镇查验通过"), (CategoryAction.CountyConfirm, "confirm", "县级确认"), (CategoryAction.Reject, "reject", "不予确认"), (CategoryAction.Exit, "exit", "退出") })
        {
            if (CategoryWorkflow.Refusal(status, action, Role!, level) is null)
            {
                yield return (api, text);
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Set by the registration and edit forms for the one page their redirect shows (TempData: read once).
        (JustCreated, Saved) = (TempData["childCreated"] as bool? ?? false, TempData["childSaved"] as bool? ?? false);
        (Message, MessageIsError) = (TempData["childMessage"] as string, TempData["childMessageIsError"] as bool? ?? false);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCategoryAsync(Guid id, Guid categoryId, string? action, string? reason, Guid? version, CancellationToken ct)
    {
        var parsed = CategoryWorkflow.ParseActionText(action);
        if (parsed is null || !CanWrite)
        {
            return NotFound();
        }

        var outcome = await categories.ActAsync(id, categoryId, parsed.Value, new CategoryActionRequest(reason, null, version), Role!, ct);
        return After(id, outcome, "已办理。");
    }

    public async Task<IActionResult> OnPostAddCategoryAsync(Guid id, string? category, string? subType, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var outcome = await categories.AddAsync(id, new CategoryInput(category, subType), ct);
        return After(id, outcome, "已申报，待乡镇查验。");
    }

    public async Task<IActionResult> OnPostAddGuardianAsync(Guid id, string? name, string? relation, string? status, string? citizenIdNumber, string? phone, bool isWorkingAway,
        string? conditionSince, int? conditionTermMonths, string? disabilityType, int? disabilityGrade, string? illness, string? awaySince, string? workRegionCode, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var outcome = await guardians.AddAsync(id, new GuardianInput(name, relation, citizenIdNumber, status, true, isWorkingAway, null, null, null, phone,
            ConditionSince: conditionSince, ConditionTermMonths: conditionTermMonths, DisabilityType: string.IsNullOrWhiteSpace(disabilityType) ? null : disabilityType,
            DisabilityGrade: disabilityGrade, Illness: illness, AwaySince: awaySince, WorkRegionCode: workRegionCode), ct);
        if (!outcome.Ok && !outcome.NotFound)
        {
            // Shown at once with the member's fields and their errors (an ID number is not to be kept anywhere).
            (GuardianErrors, MessageIsError, Message) = (outcome.Errors, true, outcome.Message ?? string.Join("；", outcome.Errors.ToDictionary().SelectMany(kv => kv.Value)));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return After(id, outcome, "已添加家庭成员。");
    }

    private IActionResult After(Guid id, Outcome<Child> outcome, string ok)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }

        // Post, redirect, show (issue #10): a refresh of the page never verifies, adds or refuses a second time.
        TempData["childMessageIsError"] = !outcome.Ok;
        TempData["childMessage"] = outcome.Ok ? ok
            : outcome.Message ?? string.Join("；", outcome.Errors.ToDictionary().SelectMany(kv => kv.Value));
        return Redirect($"/Children/Details/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, Role, ct) is not { } child)
        {
            return false;
        }

        Child = child;
        Path = (await RegionNames.PathAsync(db, child.ResidenceRegionCode, ct)).Where(r => r.Level >= 3).ToList();
        History = await queries.HistoryAsync(id, Role, ct) ?? [];
        PreventionReached = await prevention.OfChildAsync(id, ct) ?? [];
        Monitoring = await monitoring.GetAsync(id, Role, ct);
        return true;
    }
}
