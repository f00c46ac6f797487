using System.Text.RegularExpressions;

namespace Shouhu.IntegrationTests.Architecture;

/// <summary>
/// The layout of <c>src/Shouhu.Web</c> (ADR-008): <c>Shared/</c> (and the pages' <c>Features/Shared/</c>) names no feature;
/// a feature folder reaches another only along a crossing the ADR names. The scan reads the sources (C# and Razor): a
/// <c>using Shouhu.Web.Features.X</c>, a qualified <c>Shouhu.Web.Features.X.</c> or <c>Features.X.</c>, or a
/// namespace-relative <c>X.Type</c> from inside <c>Shouhu.Web.Features</c>.
/// </summary>
public sealed class FeatureLayoutTests
{
    /// <summary>
    /// Crossings the ADR allows for good, each a real one-way use that nothing calls back along (ADR-008, "Crossings
    /// between features"). Side effects between features go through the ports in <c>Shared/</c> instead
    /// (<c>ChildFileChanges</c>, <c>INotices</c>).
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Workbench -> Alerts"] = "the workbench and its home page count the open-alert list with its own query (AlertList.Open), so the count equals the list",
        ["Workbench -> Visits"] = "the workbench and its home page count the due-visit list with its own query (DueVisitList.Due)",
        ["Children -> Assessments"] = "the child's record page shows the monitoring section Assessments reads (ChildMonitoring): read-only",
        ["Children -> Cases"] = "the child's record page shows the case history section Cases reads (ChildCaseHistory) and its risk tag: read-only",
        ["Children -> Prevention"] = "the child's record page shows the prevention activities that reached the child (PreventionActivities): read-only",
        ["Reports -> Cases"] = "a triage opens a case through Cases/OpenCase, the one place a case is opened, and a report's files are stored by Cases/Attachments",
        ["Visits -> Reports"] = "a visit that finds a concern raises a report through Reports/RecordReport, the one place a report is recorded",
        ["Imports -> Children"] = "a survey import registers children: its dry run asks the register's duplicate check (DuplicateCheck) and its commit adds children as a registration does (RegisterChild.AddNew) under the unique-number rule (UniqueIdNumber)",
        ["Referrals -> Cases"] = "a referral belongs to its case: the receiver reads it through Cases/CaseAccess and its files join the case file through Cases/Attachments",
        ["Children -> Exports"] = "the child list takes part in background exports by registering an IBackgroundExport and starting its jobs through Exports/StartExport (ADR-016)",
        ["Backups -> Audit"] = "a backup copies the audit anchor log (Audit/AuditAnchorLog) so the restored chain can be verified against it",
    };

    /// <summary>
    /// Crossings still in the code to be broken: none since issue #11 (ADR-008). The list may only shrink: a new crossing
    /// fails, and so does one listed here that is gone.
    /// </summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
    };

    /// <summary><c>Shared/</c> depends on no feature.</summary>
    [Fact]
    public void Shared_NamesNoFeature()
    {
        var fromShared = Crossings().Where(c => c.Key.StartsWith("Shared ->", StringComparison.Ordinal)).ToList();
        Assert.True(fromShared.Count == 0, "Shared/ names a feature: " + string.Join("; ", fromShared.Select(c => $"{c.Key} ({string.Join(", ", c.Value)})")));
    }

    /// <summary>A feature reaches another only along a crossing ADR-008 allows (or one still listed as known).</summary>
    [Fact]
    public void Features_CrossOnlyWhereTheAdrSays()
    {
        var crossings = Crossings();
        var unexpected = crossings.Where(c => !c.Key.StartsWith("Shared ->", StringComparison.Ordinal) && !Allowed.ContainsKey(c.Key) && !Known.Contains(c.Key)).ToList();
        Assert.True(unexpected.Count == 0, "Feature crossings ADR-008 does not name: " + string.Join("; ", unexpected.Select(c => $"{c.Key} ({string.Join(", ", c.Value)})")));
        var gone = Known.Concat(Allowed.Keys).Where(k => !crossings.ContainsKey(k)).ToList();
        Assert.True(gone.Count == 0, "Crossings no longer in the code, strike them from Known or Allowed (and the ADR): " + string.Join(", ", gone));
        Assert.Contains("Workbench -> Alerts", crossings.Keys); // the scan sees namespace-relative references at all
    }

    /// <summary>Every crossing allowed for good is named in ADR-008 (as <c>`From -> To`</c>) with its reason.</summary>
    [Fact]
    public void AllowedCrossings_AreNamedInTheAdr()
    {
        var adr = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "decisions", "ADR-008-feature-slices.md"));
        var unnamed = Allowed.Keys.Where(k => !adr.Contains($"`{k}`", StringComparison.Ordinal)).ToList();
        Assert.True(unnamed.Count == 0, "Allowed crossings ADR-008 does not name: " + string.Join(", ", unnamed));
    }

    /// <summary>
    /// Namespaces mirror folders (STYLE.md), so a file cannot reach a feature's types by declaring itself in that
    /// feature's namespace from another folder, out of this scan's sight.
    /// </summary>
    [Fact]
    public void Namespaces_MirrorFolders()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Shouhu.Web");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(web, file).Replace('\\', '/');
            var folder = Path.GetDirectoryName(relative)!.Replace('/', '.');
            var expected = folder.Length == 0 ? "Shouhu.Web" : "Shouhu.Web." + folder;
            var declared = Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+);", RegexOptions.Multiline);
            if (declared.Success && declared.Groups[1].Value != expected)
            {
                wrong.Add($"{relative}: {declared.Groups[1].Value}");
            }
        }

        Assert.True(wrong.Count == 0, "Namespaces that do not mirror their folder: " + string.Join(", ", wrong));
    }

    /// <summary>"From -> To" for every feature (or Shared) whose files name another feature, with the files that do.</summary>
    private static Dictionary<string, SortedSet<string>> Crossings()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Shouhu.Web");
        var features = Directory.GetDirectories(Path.Combine(web, "Features")).Select(Path.GetFileName).OfType<string>()
            .Where(d => d != "Shared").ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Visits", features);
        var alternatives = string.Join('|', features);
        Regex[] patterns =
        [
            new(@"Shouhu\.Web\.Features\.(\w+)"),
            new(@"(?<![\w.])Features\.(\w+)\."),
            new(@"(?<![\w.])(" + alternatives + @")\.[A-Z]"),
        ];
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(web, file).Replace('\\', '/');
            if (SliceOf(relative) is not { } from)
            {
                continue; // the composition root (Program.cs, ShouhuFeatures.cs …) names every feature by design
            }

            foreach (var line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                foreach (var to in patterns.SelectMany(p => p.Matches(line)).Select(m => m.Groups[1].Value).Where(t => features.Contains(t) && t != from))
                {
                    var key = $"{from} -> {to}";
                    if (!found.TryGetValue(key, out var files))
                    {
                        found[key] = files = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    files.Add(relative);
                }
            }
        }

        return found;
    }

    /// <summary>The slice a file belongs to: its feature folder, "Shared", or null for the composition root.</summary>
    private static string? SliceOf(string relative)
    {
        var parts = relative.Split('/');
        return parts switch
        {
            ["Shared", ..] => "Shared",
            ["Features", "Shared", ..] => "Shared",
            // The home page at "/" is the workbench's page; the error page is shared.
            ["Features", var page] => page.StartsWith("Index", StringComparison.Ordinal) ? "Workbench" : "Shared",
            ["Features", var feature, ..] => feature,
            _ => null,
        };
    }

    private static string RepositoryRoot() => Repository.Root;
}
