using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Adds a note to the timeline.</summary>
public sealed class AddCaseNote(CaseWork work)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, NoteRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        var errors = new ValidationErrors();
        var text = CaseText.Clean(body.Text, "text", 5000, true, errors, "记录内容不能为空");
        if (text is null)
        {
            return Outcome.Invalid(errors);
        }

        work.AddEvent(c, actor, CaseEventKind.Note, text);
        return await work.SaveAsync(c, actor, ct, touch: false);
    }
}
