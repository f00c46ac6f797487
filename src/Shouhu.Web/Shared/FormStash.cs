using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Shared;

/// <summary>A refused form as the page shows it again: the message, the errors by field and the values typed.</summary>
/// <param name="Message">The refusal (Chinese), shown above the forms.</param>
/// <param name="Errors">Field → messages, as <see cref="ValidationErrors.ToDictionary"/>.</param>
/// <param name="Values">Form field → posted values (the antiforgery token left out).</param>
public sealed record KeptForm(string Message, Dictionary<string, string[]> Errors, Dictionary<string, string[]> Values)
{
    /// <summary>The errors again as <see cref="ValidationErrors"/>.</summary>
    public ValidationErrors ToErrors()
    {
        var errors = new ValidationErrors();
        foreach (var (field, messages) in Errors)
        {
            foreach (var m in messages)
            {
                errors.Add(field, m);
            }
        }

        return errors;
    }
}

/// <summary>
/// Post, redirect, show (issue #10): a page whose action was refused redirects to itself and shows the refusal with the
/// typed values, so that a refresh never posts again. The values stay on the server (they may hold a narrative), for
/// ten minutes, readable once and only by the account that typed them; the page's TempData carries only the key.
/// One instance's memory: behind several instances a refused form comes back with its message and errors lost.
/// </summary>
public sealed class FormStash(IMemoryCache cache)
{
    private const string TempDataKey = "kept-form";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Keeps <paramref name="kept"/> for the next request of <paramref name="user"/> (its key in <paramref name="tempData"/>).</summary>
    public void Keep(ITempDataDictionary tempData, ClaimsPrincipal user, KeptForm kept)
    {
        var key = Guid.NewGuid().ToString("N");
        cache.Set(CacheKey(user, key), kept, Lifetime);
        tempData[TempDataKey] = key;
    }

    /// <summary>The form kept for <paramref name="user"/> by the previous request, once; null when there is none.</summary>
    public KeptForm? Take(ITempDataDictionary tempData, ClaimsPrincipal user)
    {
        if (tempData[TempDataKey] is not string key || !cache.TryGetValue(CacheKey(user, key), out KeptForm? kept))
        {
            return null;
        }

        cache.Remove(CacheKey(user, key));
        return kept;
    }

    /// <summary>The posted fields of <paramref name="form"/> but the antiforgery token and files.</summary>
    public static Dictionary<string, string[]> ValuesOf(IFormCollection form) =>
        form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);

    private static string CacheKey(ClaimsPrincipal user, string key) => $"kept-form:{user.FindFirstValue(ClaimTypes.NameIdentifier)}:{key}";
}
