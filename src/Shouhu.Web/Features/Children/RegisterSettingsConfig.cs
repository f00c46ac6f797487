using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Reads <see cref="RegisterSettings"/> from configuration: <c>Registry:CatastrophicIllnesses</c> (an array of names,
/// replacing the default list), <c>Registry:MigrantAgeLimit</c> (1–18), <c>Registry:Alerts:LeftBehindWarningDays</c> and
/// <c>Registry:Alerts:AdultWarningDays</c> (0–366). Missing values keep the defaults of <see cref="RegisterSettings.Default"/>.
/// </summary>
public static class RegisterSettingsConfig
{
    /// <summary>Reads the settings.</summary>
    /// <exception cref="InvalidOperationException">For a value out of range or not a number, naming the setting.</exception>
    public static RegisterSettings From(IConfiguration config)
    {
        var d = RegisterSettings.Default;
        var illnesses = config.GetSection("Registry:CatastrophicIllnesses").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).Distinct().ToList();
        return new RegisterSettings
        {
            CatastrophicIllnesses = illnesses.Count > 0 ? illnesses : d.CatastrophicIllnesses,
            MigrantAgeLimit = Number(config, "Registry:MigrantAgeLimit", d.MigrantAgeLimit, 1, 18),
            LeftBehindWarningDays = Number(config, "Registry:Alerts:LeftBehindWarningDays", d.LeftBehindWarningDays, 0, 366),
            AdultWarningDays = Number(config, "Registry:Alerts:AdultWarningDays", d.AdultWarningDays, 0, 366),
        };
    }

    private static int Number(IConfiguration config, string key, int fallback, int min, int max) => config[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max => n,
        var other => throw new InvalidOperationException($"{key} must be a whole number from {min} to {max}, not '{other}'."),
    };
}
