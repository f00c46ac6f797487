using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>
/// The instrument as the API shows it (API-CONTRACT.md): <c>{id, version, dimensions, thresholds}</c>, and the city it
/// belongs to (4-digit NBS code; null for the built-in default a city uses until it publishes its own).
/// </summary>
public sealed record InstrumentResponse(Guid Id, int Version, string Name, IReadOnlyList<InstrumentDimension> Dimensions, InstrumentThresholds Thresholds, string? CityCode);

/// <summary>
/// Body of a new instrument version. <c>regionCode</c>: the city (4 digits) it is for — required from a province-level
/// officer, optional (and then the officer's own city) from a city-level one.
/// </summary>
public sealed record NewInstrumentRequest(string? Name, IReadOnlyList<InstrumentDimension>? Dimensions, InstrumentThresholds? Thresholds, string? RegionCode = null);

/// <summary>
/// Assessment instruments as versioned data, one series per city (市级民政部门): a city's current instrument is its highest
/// version, or the built-in default (<see cref="DefaultInstrument"/>, stored at first start as version 1 with no city)
/// until it publishes its own; a city's first own version is 2. A change is always a new version (an assessment keeps
/// the version it was made with); a child is always assessed with the current instrument of the child's city.
/// </summary>
public sealed class Instruments(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>The 4-digit city code of a region code of city level or below (empty for a province or a malformed code).</summary>
    public static string CityOf(string? regionCode) =>
        RegionCode.IsWellFormed(regionCode) && RegionCode.LevelOf(regionCode) >= 2 ? regionCode![..4] : string.Empty;

    /// <summary>The current version for the city of <paramref name="regionCode"/> (its own newest, else the default, stored first if missing).</summary>
    public async Task<(AssessmentInstrument Row, InstrumentDefinition Definition)> CurrentAsync(string regionCode, CancellationToken ct)
    {
        var city = CityOf(regionCode);
        var row = (city.Length == 0 ? null : await db.AssessmentInstruments.AsNoTracking().Where(i => i.CityCode == city).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct))
            ?? await EnsureDefaultAsync(db, clock, ct);
        return (row, InstrumentDefinition.FromJson(row.DefinitionJson));
    }

    /// <summary>
    /// The city whose instrument <paramref name="actor"/> asks for: their own for an account at city level or below (or
    /// <paramref name="regionCode"/> naming it); above city level <paramref name="regionCode"/> must name a city inside the
    /// jurisdiction. Field error <c>regionCode</c> otherwise.
    /// </summary>
    public static (string? City, ValidationErrors Errors) CityAskedBy(Actor actor, string? regionCode)
    {
        var errors = new ValidationErrors();
        var own = CityOf(actor.Jurisdiction);
        var code = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (code is null)
        {
            if (own.Length == 0)
            {
                errors.Add("regionCode", "请指定辖区内的市（4位区划代码），量表由各市分别发布");
            }

            return (errors.IsEmpty ? own : null, errors);
        }

        if (!RegionCode.IsWellFormed(code) || RegionCode.LevelOf(code) != 2)
        {
            errors.Add("regionCode", "请填写市级区划代码（4位数字）");
        }
        else if (code != own && !RegionCode.IsWithin(code, actor.Jurisdiction))
        {
            errors.Add("regionCode", "该市不在您的辖区内");
        }

        return (errors.IsEmpty ? code : null, errors);
    }

    /// <summary>Stores the default instrument as version 1 (no city) when it is not stored yet (start-up and first use).</summary>
    public static async Task<AssessmentInstrument> EnsureDefaultAsync(ShouhuDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.AssessmentInstruments.AsNoTracking().Where(i => i.CityCode == string.Empty).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var row = new AssessmentInstrument
        {
            CityCode = string.Empty,
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
            // Another request stored it at the same moment (unique city and version).
            db.ChangeTracker.Clear();
            return await db.AssessmentInstruments.AsNoTracking().Where(i => i.CityCode == string.Empty).OrderByDescending(i => i.Version).FirstAsync(ct);
        }

        return row;
    }

    /// <summary>
    /// Publishes the next version of a city's instrument from <paramref name="body"/>. Only a civil-affairs officer of the
    /// city (jurisdiction exactly the city), or of its province naming the city in <c>regionCode</c>, publishes (403
    /// otherwise: county officers and administrators do not change what a city scores with); field errors when the
    /// definition is unusable or the city is not the caller's.
    /// </summary>
    public async Task<Outcome<AssessmentInstrument>> CreateVersionAsync(NewInstrumentRequest body, Actor actor, CancellationToken ct)
    {
        var level = RegionCode.IsWellFormed(actor.Jurisdiction) ? RegionCode.LevelOf(actor.Jurisdiction) : null;
        if (actor.Role != Roles.CivilAffairsOfficer || level is not (1 or 2))
        {
            return Outcome.Forbidden("只有市级（或省级）民政干部可以发布本市的监护风险评估量表");
        }

        var (city, errors) = level == 1 && string.IsNullOrWhiteSpace(body.RegionCode)
            ? (null, ErrorOf("regionCode", "请指定要发布量表的市（4位区划代码）"))
            : CityAskedBy(actor, body.RegionCode);
        if (city is not null && !await db.Regions.AnyAsync(r => r.Code == city, ct))
        {
            errors.Add("regionCode", $"区划代码 {city} 不存在");
        }

        var definition = new InstrumentDefinition(body.Dimensions ?? [], body.Thresholds ?? new InstrumentThresholds(0, 0));
        foreach (var (field, messages) in definition.Check().ToDictionary())
        {
            foreach (var m in messages)
            {
                errors.Add(field, m);
            }
        }

        var name = Domain.Casework.CaseText.Clean(body.Name, "name", 200, true, errors, "请填写量表名称");
        if (!errors.IsEmpty || city is null)
        {
            return Outcome.Invalid(errors);
        }

        // Two officers publishing at once: the unique (city, version) refuses the second, which numbers again.
        for (var attempt = 1; ; attempt++)
        {
            var (current, _) = await CurrentAsync(city, ct);
            var row = new AssessmentInstrument { CityCode = city, Version = current.Version + 1, Name = name!, DefinitionJson = definition.ToJson(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Id };
            db.AssessmentInstruments.Add(row);
            db.RecordAudit("Create", "AssessmentInstrument", row.Id.ToString(), city, $"version={row.Version}");
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome.Done(row);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                db.DiscardPendingAudit();
                if (attempt == 5)
                {
                    return Outcome.Invalid("version", "量表版本号被同时创建的另一版本占用，请稍后再提交");
                }
            }
        }
    }

    /// <summary>The API shape of a stored version.</summary>
    public static InstrumentResponse ToResponse(AssessmentInstrument row, InstrumentDefinition definition) =>
        new(row.Id, row.Version, row.Name, definition.Dimensions, definition.Thresholds, row.CityCode.Length == 0 ? null : row.CityCode);

    private static ValidationErrors ErrorOf(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}
