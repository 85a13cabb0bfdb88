namespace GraphApi.Testing;

/// <summary>Checks <see cref="ExternalNeed"/>s and says why a test cannot run here.</summary>
public static class ExternalNeeds
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The test binaries' copy of the IDE assets.</summary>
    public static string IdeAssetsPath { get; } = Path.Combine(AppContext.BaseDirectory, "ide");

    /// <summary>
    /// Why a test with these needs is skipped here, or <see langword="null"/> when it runs: everything is present,
    /// or <c>GRAPHAPI_REQUIRE_EXTERNAL=1</c> demands that it runs (and fails on what is missing).
    /// </summary>
    public static string? SkipReason(params ExternalNeed[] needs)
    {
        if (ExternalTools.Required)
        {
            return null;
        }

        var missing = needs.Distinct().Select(Missing).OfType<string>().ToList();
        return missing.Count == 0
            ? null
            : $"Needs {string.Join("; ", missing)} (set {ExternalTools.RequireExternalVariable}=1 to fail instead of skipping).";
    }

    /// <summary>What is missing for <paramref name="need"/>, or <see langword="null"/> when it is present.</summary>
    private static string? Missing(ExternalNeed need) => need switch
    {
        ExternalNeed.Redis => ExternalTools.Find(RedisServer.Program) is null ? $"{RedisServer.Program} on PATH" : null,
        ExternalNeed.Postgres => PostgresBinaries.Directory is null ? "the PostgreSQL server binaries under /usr/lib/postgresql/*/bin" : null,
        ExternalNeed.Node => new[] { "node", "npm" }.Where(tool => ExternalTools.Find(tool) is null).ToArray() is { Length: > 0 } tools
            ? string.Join(" and ", tools) + " on PATH"
            : null,
        ExternalNeed.Chromium => File.Exists(ChromiumPath) ? null : $"{ChromiumPath} (apt-get install -y chromium)",
        ExternalNeed.IdeAssets => File.Exists(Path.Combine(IdeAssetsPath, "index.html"))
            ? null
            : $"the IDE assets built into {IdeAssetsPath} (npm missing at build time)",
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, null),
    };
}
