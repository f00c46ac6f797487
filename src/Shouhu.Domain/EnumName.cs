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
        if (name is not null && Names<TEnum>.Values.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    // The names of one enum type, read once (Enum.GetNames allocates a new array on every call).
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values =
            Enum.GetNames<TEnum>().ToDictionary(n => n, Enum.Parse<TEnum>, StringComparer.Ordinal);
    }
}
