namespace GraphApi.Server.Tests.Infrastructure;

/// <summary>
/// A fact that needs <c>node</c> and <c>npm</c> on PATH: skipped with a visible reason when they are
/// missing, unless <c>GRAPHAPI_REQUIRE_EXTERNAL=1</c>, in which case it runs (and fails).
/// </summary>
public sealed class RequiresNodeFactAttribute : FactAttribute
{
    public RequiresNodeFactAttribute()
    {
        if (ExternalTools.ExternalToolsRequired)
        {
            return;
        }

        var missing = new[] { "node", "npm" }.Where(tool => ExternalTools.Find(tool) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"Needs {string.Join(" and ", missing)} on PATH (set {ExternalTools.RequireExternalVariable}=1 to fail instead of skipping).";
        }
    }
}
