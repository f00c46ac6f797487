using Shouhu.Domain.Children;

namespace Shouhu.Web.Shared;

/// <summary>
/// One rule for the query parameters of every list API (issue #9 finding 15): a value the list does not know — a status,
/// rule, box or channel outside its set, a page or page size out of range, a malformed region code — is refused with
/// 400 and a Chinese message naming the parameter, never silently ignored. An empty value means "not given".
/// </summary>
public sealed class ListParameters
{
    /// <summary>Highest page number a list serves.</summary>
    public const int MaxPage = 100_000;

    private readonly ValidationErrors _errors = new();

    /// <summary>True when every checked parameter is known.</summary>
    public bool IsValid => _errors.IsEmpty;

    /// <summary>The 400 answer naming each refused parameter.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem() => TypedResults.ValidationProblem(_errors.ToDictionary(), title: "输入有误");

    /// <summary>Checks <c>page</c> (1…<see cref="MaxPage"/>) and <c>pageSize</c> (1…<paramref name="maxPageSize"/>).</summary>
    public ListParameters Paging(int? page, int? pageSize, int maxPageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            _errors.Add("page", $"页码应在 1 到 {MaxPage} 之间");
        }

        if (pageSize is { } size && (size < 1 || size > maxPageSize))
        {
            _errors.Add("pageSize", $"每页条数应在 1 到 {maxPageSize} 之间");
        }

        return this;
    }

    /// <summary>Checks that <paramref name="value"/>, when given, is one of <paramref name="allowed"/> (ordinal).</summary>
    public ListParameters OneOf(string name, string? value, IEnumerable<string> allowed)
    {
        var known = allowed.ToList();
        if (!string.IsNullOrEmpty(value) && !known.Contains(value, StringComparer.Ordinal))
        {
            _errors.Add(name, $"未知的取值，可选：{string.Join("、", known)}");
        }

        return this;
    }

    /// <summary>Checks that <paramref name="value"/>, when given, is a well-formed NBS region code.</summary>
    public ListParameters Region(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !Domain.Regions.RegionCode.IsWellFormed(value))
        {
            _errors.Add(name, "区划代码应为 2、4、6、9 或 12 位数字");
        }

        return this;
    }
}
