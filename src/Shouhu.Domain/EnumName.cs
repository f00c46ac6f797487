namespace Shouhu.Domain;

/// <summary>Reads enumeration values by their API names (API-CONTRACT.md "Enumerations"), strictly.</summary>
public static class EnumName
{
    /// <summary>
    /// Reads exactly one API name of <typeparamref name="TEnum"/> (trimmed, case-sensitive). Enum.TryParse alone also takes
    /// numbers and comma-joined names, which it ORs: "Orphan,DeFactoUnsupported" would become 3 = LeftBehind.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var name = text?.Trim();
        if (name is not null && Array.IndexOf(Enum.GetNames<TEnum>(), name) >= 0)
        {
            value = Enum.Parse<TEnum>(name);
            return true;
        }

        value = default;
        return false;
    }
}
