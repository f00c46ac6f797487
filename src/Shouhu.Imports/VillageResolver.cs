using Shouhu.Domain.Regions;

namespace Shouhu.Imports;

/// <summary>How a village's name or code was resolved.</summary>
public enum VillageMatchKind
{
    /// <summary>Exactly one village inside the jurisdiction: <see cref="VillageMatch.Code"/>.</summary>
    Found = 1,
    /// <summary>Several villages inside the jurisdiction have that name: <see cref="VillageMatch.Candidates"/>.</summary>
    Ambiguous = 2,
    /// <summary>The village exists, but only outside the importer's jurisdiction.</summary>
    OutsideJurisdiction = 3,
    /// <summary>No such village.</summary>
    NotFound = 4,
}

/// <summary>A resolved village: the kind, the code when found, the candidates (code and full name) when ambiguous or outside, and the Chinese message when not found.</summary>
public sealed record VillageMatch(VillageMatchKind Kind, string? Code, IReadOnlyList<(string Code, string Name)> Candidates, string? Message);

/// <summary>
/// Resolves a village (村/社区) written by name or 12-digit NBS code to its code inside the importer's jurisdiction
/// (issue #12 item 3). The caller fills it from the regions table, so the reader stays pure.
/// </summary>
public interface IVillageResolver
{
    /// <summary>The match of <paramref name="text"/> (already cleaned of spaces).</summary>
    VillageMatch Resolve(string text);
}

/// <summary>
/// An in-memory <see cref="IVillageResolver"/> over a list of regions (code, name) — e.g. the importer's city from the
/// regions table — and the importer's jurisdiction code. A name matches a village whose name it ends with, the rest being
/// the names of its township, county … in order (<c>某某村</c>, <c>某某镇某某村</c>, <c>某某县某某镇某某村</c>); the match must
/// lie inside the jurisdiction; several → ambiguous, with each candidate's township and code; only outside → said so.
/// </summary>
public sealed class VillageDirectory : IVillageResolver
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _villagesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VillageMatch> _cache = new(StringComparer.Ordinal);
    private readonly string _jurisdiction;

    /// <summary>Builds the directory.</summary>
    /// <param name="regions">Regions of every level (code, name): villages and their ancestors.</param>
    /// <param name="jurisdictionCode">The importer's jurisdiction (a code of any level).</param>
    public VillageDirectory(IEnumerable<(string Code, string Name)> regions, string jurisdictionCode)
    {
        _jurisdiction = jurisdictionCode;
        foreach (var (code, name) in regions)
        {
            _names[code] = name;
            if (code.Length == RegionCode.MaxLength)
            {
                if (!_villagesByName.TryGetValue(name, out var list))
                {
                    _villagesByName[name] = list = [];
                }

                list.Add(code);
            }
        }
    }

    /// <inheritdoc/>
    public VillageMatch Resolve(string text)
    {
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var match = text.Length == RegionCode.MaxLength && text.All(char.IsAsciiDigit) ? ByCode(text) : ByName(text);
        if (_cache.Count < 100_000)
        {
            _cache[text] = match;
        }

        return match;
    }

    private VillageMatch ByCode(string code)
    {
        if (!_names.ContainsKey(code))
        {
            return new(VillageMatchKind.NotFound, null, [], $"区划代码 {code} 不存在");
        }

        return RegionCode.IsWithin(code, _jurisdiction)
            ? new(VillageMatchKind.Found, code, [], null)
            : new(VillageMatchKind.OutsideJurisdiction, null, [(code, FullName(code))], $"{FullName(code)}（{code}）不在您的辖区之内");
    }

    private VillageMatch ByName(string text)
    {
        var matches = new List<string>();
        for (var start = 0; start < text.Length; start++)
        {
            if (_villagesByName.TryGetValue(text[start..], out var codes))
            {
                var prefix = text[..start];
                matches.AddRange(codes.Where(c => prefix.Length == 0 || AncestorsEndWith(c, prefix)));
            }
        }

        var inside = matches.Where(c => RegionCode.IsWithin(c, _jurisdiction)).Distinct().ToList();
        if (inside.Count == 1)
        {
            return new(VillageMatchKind.Found, inside[0], [], null);
        }

        if (inside.Count > 1)
        {
            var candidates = inside.Select(c => (c, FullName(c))).ToList();
            return new(VillageMatchKind.Ambiguous, null, candidates,
                $"辖区内有 {inside.Count} 个“{text}”：{string.Join("；", candidates.Take(10).Select(x => $"{x.Item2}（{x.c}）"))}，请写上乡镇名或填写12位区划代码");
        }

        if (matches.Count > 0)
        {
            var outside = matches.Distinct().Select(c => (c, FullName(c))).ToList();
            return new(VillageMatchKind.OutsideJurisdiction, null, outside, $"“{text}”（{outside[0].Item2}）不在您的辖区之内");
        }

        return new(VillageMatchKind.NotFound, null, [], $"辖区内没有村（社区）“{text}”，请核对名称（同名时写成“乡镇名+村名”）或填写12位区划代码");
    }

    // True when prefix is the concatenation of the nearest ancestors' names: township, then county+township, …
    private bool AncestorsEndWith(string village, string prefix)
    {
        var chain = string.Empty;
        for (var code = RegionCode.ParentOf(village); code is not null; code = RegionCode.ParentOf(code))
        {
            chain = (_names.GetValueOrDefault(code) ?? string.Empty) + chain;
            if (chain == prefix)
            {
                return true;
            }

            if (chain.Length >= prefix.Length)
            {
                return false;
            }
        }

        return false;
    }

    // The township and village names, as a user would tell two namesakes apart.
    private string FullName(string code) =>
        (RegionCode.ParentOf(code) is { } t && _names.TryGetValue(t, out var tn) ? tn : string.Empty) + _names.GetValueOrDefault(code);
}
