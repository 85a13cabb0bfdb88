using GraphApi.Server.Tests.Infrastructure;

namespace GraphApi.Tests.Dashboard;

/// <summary>
/// A fact that needs Chromium (<c>/usr/bin/chromium</c>, Debian package <c>chromium</c>) and node/npm on PATH:
/// skipped with a visible reason when one is missing, unless GRAPHAPI_REQUIRE_EXTERNAL=1, where it runs and fails.
/// </summary>
internal sealed class RequiresBrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public RequiresBrowserFactAttribute()
    {
        if (ExternalTools.ExternalToolsRequired)
        {
            return;
        }

        var missing = new[] { "node", "npm" }.Where(tool => ExternalTools.Find(tool) is null).ToList();
        if (!File.Exists(ChromiumPath))
        {
            missing.Add(ChromiumPath + " (apt-get install -y chromium)");
        }

        if (missing.Count > 0)
        {
            Skip = $"Needs {string.Join(", ", missing)} (set {ExternalTools.RequireExternalVariable}=1 to fail instead of skipping).";
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
}
