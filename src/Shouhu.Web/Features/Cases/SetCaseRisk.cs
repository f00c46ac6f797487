using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Sets the risk level (high / medium / low).</summary>
public sealed class SetCaseRisk(CaseWork work)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, RiskRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        if (!CaseWork.TryRisk(body.RiskLevel, out var level) || level == RiskLevel.Unknown)
        {
            return Outcome.Invalid("riskLevel", "请选择风险等级：高（high）、中（medium）或低（low）");
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (c.RiskLevel == level)
        {
            return Outcome.Refused($"风险等级已是「{CaseworkNames.Of(level)}」");
        }

        work.AddEvent(c, actor, CaseEventKind.RiskChanged, $"风险等级：{CaseworkNames.Of(c.RiskLevel)} → {CaseworkNames.Of(level)}" + CaseWork.Suffix(note));
        c.RiskLevel = level;
        return await work.SaveAsync(c, actor, ct);
    }
}
