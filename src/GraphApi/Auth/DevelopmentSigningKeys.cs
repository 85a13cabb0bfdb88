namespace GraphApi.Auth;

/// <summary>
/// Signing keys anyone can read, refused outside Development: the built-in default, and whatever key the
/// <c>appsettings.Development.json</c> shipped beside the app holds (it is public in the repository and in every
/// published build, so copying it into a Production configuration is the mistake this guards against).
/// </summary>
internal static class DevelopmentSigningKeys
{
    public const string DevelopmentSettingsFile = "appsettings.Development.json";

    public static bool IsKnown(string key, string contentRoot)
    {
        var candidate = key.Trim();
        return Known(contentRoot).Any(known => string.Equals(candidate, known.Trim(), StringComparison.Ordinal));
    }

    private static IEnumerable<string> Known(string contentRoot)
    {
        yield return JwtOptions.DevelopmentSigningKey;

        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(contentRoot, DevelopmentSettingsFile), optional: true, reloadOnChange: false)
            .Build()[$"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}"];
        if (!string.IsNullOrWhiteSpace(shipped))
        {
            yield return shipped;
        }
    }
}
