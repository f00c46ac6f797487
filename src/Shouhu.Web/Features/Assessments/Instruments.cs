using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;

namespace Shouhu.Web.Features.Assessments;

/// <summary>The instrument as the API shows it (API-CONTRACT.md): <c>{id, version, dimensions, thresholds}</c>.</summary>
public sealed record InstrumentResponse(Guid Id, int Version, string Name, IReadOnlyList<InstrumentDimension> Dimensions, InstrumentThresholds Thresholds);

/// <summary>Body of a new instrument version.</summary>
public sealed record NewInstrumentRequest(string? Name, IReadOnlyList<InstrumentDimension>? Dimensions, InstrumentThresholds? Thresholds);

/// <summary>
/// Assessment instruments as versioned data: the current one is the highest version; a change is always a new version
/// (an assessment keeps the version it was made with). Version 1 is <see cref="DefaultInstrument"/>, stored at first start.
/// </summary>
public sealed class Instruments(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>The current version (the default one is stored first if there is none).</summary>
    public async Task<(AssessmentInstrument Row, InstrumentDefinition Definition)> CurrentAsync(CancellationToken ct)
    {
        var row = await db.AssessmentInstruments.AsNoTracking().OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct)
            ?? await EnsureDefaultAsync(db, clock, ct);
        return (row, InstrumentDefinition.FromJson(row.DefinitionJson));
    }

    /// <summary>Stores the default instrument as version 1 when no instrument exists (start-up and first use).</summary>
    public static async Task<AssessmentInstrument> EnsureDefaultAsync(ShouhuDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.AssessmentInstruments.AsNoTracking().OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var row = new AssessmentInstrument
        {
            Version = 1,
            Name = "监护风险评估量表（默认）",
            DefinitionJson = DefaultInstrument.Definition.ToJson(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "system",
        };
        db.AssessmentInstruments.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored it at the same moment (unique version).
            db.ChangeTracker.Clear();
            return await db.AssessmentInstruments.AsNoTracking().OrderByDescending(i => i.Version).FirstAsync(ct);
        }

        return row;
    }

    /// <summary>Creates the next version from <paramref name="body"/>; field errors when the definition is unusable.</summary>
    public async Task<(AssessmentInstrument? Row, ValidationErrors Errors)> CreateVersionAsync(NewInstrumentRequest body, string actorId, CancellationToken ct)
    {
        var definition = new InstrumentDefinition(body.Dimensions ?? [], body.Thresholds ?? new InstrumentThresholds(0, 0));
        var errors = definition.Check();
        var name = Domain.Casework.CaseText.Clean(body.Name, "name", 200, true, errors, "请填写量表名称");
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        // Two administrators publishing at once: the unique version number refuses the second, which numbers again.
        for (var attempt = 1; ; attempt++)
        {
            var (current, _) = await CurrentAsync(ct);
            var row = new AssessmentInstrument { Version = current.Version + 1, Name = name!, DefinitionJson = definition.ToJson(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actorId };
            db.AssessmentInstruments.Add(row);
            db.RecordAudit("Create", "AssessmentInstrument", row.Id.ToString(), db.Caller.JurisdictionCode ?? string.Empty, $"version={row.Version}");
            try
            {
                await db.SaveChangesAsync(ct);
                return (row, errors);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                db.DiscardPendingAudit();
                if (attempt == 5)
                {
                    errors.Add("version", "量表版本号被同时创建的另一版本占用，请稍后再提交");
                    return (null, errors);
                }
            }
        }
    }

    /// <summary>The API shape of a stored version.</summary>
    public static InstrumentResponse ToResponse(AssessmentInstrument row, InstrumentDefinition definition) =>
        new(row.Id, row.Version, row.Name, definition.Dimensions, definition.Thresholds);
}
