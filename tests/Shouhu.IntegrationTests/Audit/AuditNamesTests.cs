using System.Text.RegularExpressions;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Audit;

namespace Shouhu.IntegrationTests.Audit;

/// <summary>
/// Issue #10 (the audit page read "其他操作" and "1项其他信息"): every action the code audits, every kind of record and every
/// field of an audited record has a Chinese name on the page. The lists come from the code — the <c>RecordAudit</c> calls in
/// the source, the EF model's audited entity types and their properties, the bypass purposes — so a new one without a
/// name fails here.
/// </summary>
public sealed partial class AuditNamesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    [GeneratedRegex("""RecordAudit\(\s*(?:[^"();]*\?\s*)?"(?<a>[A-Za-z]+)"(?:\s*:\s*"(?<b>[A-Za-z]+)")?\s*,\s*(?:"(?<e>[A-Za-z]+)"|nameof\((?<n>[A-Za-z]+)\))""")]
    private static partial Regex AuditCall();

    // The automatic entries: SaveChanges names an added, deleted or modified audited record's action by its state.
    [GeneratedRegex("""EntityState\.(?:Added|Deleted)\s*=>\s*\("(?<a>[A-Za-z]+)"|_\s*=>\s*\("(?<a>[A-Za-z]+)",\s*string\.Join""")]
    private static partial Regex StateAction();

    // A read beyond the jurisdiction is audited under the entity type it reads (Beyond<Case> → "Case").
    [GeneratedRegex(@"Beyond<(?:[A-Za-z]+\.)*(?<e>[A-Za-z]+)>")]
    private static partial Regex BypassRead();

    private static string RepositoryRoot() => Repository.Root;

    /// <summary>(action, entity) of every audit write in src/, read from the source.</summary>
    private static List<(string Action, string? Entity)> AuditWrites()
    {
        var writes = new List<(string, string?)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in AuditCall().Matches(text))
            {
                var entity = m.Groups["e"].Success ? m.Groups["e"].Value : m.Groups["n"].Success ? m.Groups["n"].Value : null;
                writes.Add((m.Groups["a"].Value, entity));
                if (m.Groups["b"].Success)
                {
                    writes.Add((m.Groups["b"].Value, entity));
                }
            }

            foreach (Match m in BypassRead().Matches(text).Where(m => m.Groups["e"].Value != "T"))
            {
                writes.Add(("Bypass", m.Groups["e"].Value));
            }

            foreach (Match m in StateAction().Matches(text))
            {
                writes.Add((m.Groups["a"].Value, null));
            }
        }

        return writes;
    }

    [Fact]
    public void EveryAuditedAction_HasAChineseName()
    {
        var actions = AuditWrites().Select(w => w.Action).Distinct().ToList();
        Assert.True(actions.Count >= 15, "found only: " + string.Join(", ", actions)); // the scan itself still works
        Assert.Contains("Bypass", actions);
        Assert.Contains("Update", actions);
        var unnamed = actions.Where(a => IndexModel.ActionName(a) == "其他操作").ToList();
        Assert.True(unnamed.Count == 0, "no Chinese name: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void EveryAuditedKindOfRecord_HasAChineseName()
    {
        using var db = app.SystemDb();
        var audited = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => typeof(IAudited).IsAssignableFrom(t) || typeof(IChildPart).IsAssignableFrom(t) || typeof(ICasePart).IsAssignableFrom(t)).Select(t => t.Name);
        var written = AuditWrites().Select(w => w.Entity).OfType<string>();
        var kinds = audited.Concat(written).Distinct().ToList();
        Assert.True(kinds.Count >= 10, string.Join(", ", kinds));
        var unnamed = kinds.Where(k => IndexModel.KindName(k) == "其他记录").ToList();
        Assert.True(unnamed.Count == 0, "no Chinese name: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void EveryFieldOfAnAuditedRecord_HasAChineseName()
    {
        using var db = app.SystemDb();
        var missing = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) || typeof(IChildPart).IsAssignableFrom(t.ClrType) || typeof(ICasePart).IsAssignableFrom(t.ClrType)))
        {
            foreach (var property in type.GetProperties().Where(p => p.Name != "Version"))
            {
                // As SaveChanges writes them: a record's own fields, a part of a child's or a case's file by its part.
                var shown = typeof(IAudited).IsAssignableFrom(type.ClrType) && !typeof(IChildPart).IsAssignableFrom(type.ClrType) && !typeof(ICasePart).IsAssignableFrom(type.ClrType)
                    ? IndexModel.DetailText(property.Name)
                    : IndexModel.DetailText($"{type.ClrType.Name}:Update:{Guid.NewGuid()}:{property.Name}");
                if (shown.Contains("其他信息", StringComparison.Ordinal) || shown.Contains(property.Name, StringComparison.Ordinal))
                {
                    missing.Add($"{type.ClrType.Name}.{property.Name} → {shown}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void EveryBypassPurpose_AndReceiverAction_ReadsInChinese()
    {
        foreach (var purpose in Enum.GetNames<JurisdictionBypass>())
        {
            Assert.DoesNotMatch("[A-Za-z]", IndexModel.DetailText(purpose, "Bypass"));
        }

        foreach (var action in Enum.GetValues<ReferralAction>())
        {
            var shown = IndexModel.DetailText($"{action};outside-jurisdiction");
            Assert.DoesNotMatch("[A-Za-z]", shown);
        }
    }
}
