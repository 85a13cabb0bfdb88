using GraphApi.Server.Tests.Infrastructure;

namespace GraphApi.Tests.Ide;

/// <summary>
/// A fact that drives Debian's chromium (<see cref="ChromiumPath"/>) and needs the IDE assets: skipped with a
/// visible reason when either is missing, unless GRAPHAPI_REQUIRE_EXTERNAL=1, where it runs and fails instead.
/// </summary>
internal sealed class RequiresBrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public RequiresBrowserFactAttribute() => Skip = File.Exists(ChromiumPath) || ExternalTools.ExternalToolsRequired
        ? IdeAssetsFolder.SkipReason
        : $"Chromium not found at {ChromiumPath} (apt-get install -y chromium); "
            + $"set {ExternalTools.RequireExternalVariable}=1 to make this a failure.";
}
