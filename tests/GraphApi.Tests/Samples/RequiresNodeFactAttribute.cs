namespace GraphApi.Tests.Samples;

/// <summary>
/// A fact that needs <c>node</c> and <c>npm</c> on PATH: skipped with a visible reason when they are missing,
/// unless <c>GRAPHAPI_REQUIRE_EXTERNAL=1</c> (CI), in which case it runs and fails.
/// </summary>
public sealed class RequiresNodeFactAttribute : FactAttribute
{
    public const string RequireExternalVariable = "GRAPHAPI_REQUIRE_EXTERNAL";

    public RequiresNodeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequireExternalVariable) == "1")
        {
            return;
        }

        var missing = new[] { "node", "npm" }.Where(tool => ExternalProcess.FindOnPath(tool) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"Needs {string.Join(" and ", missing)} on PATH (set {RequireExternalVariable}=1 to fail instead of skipping).";
        }
    }
}
