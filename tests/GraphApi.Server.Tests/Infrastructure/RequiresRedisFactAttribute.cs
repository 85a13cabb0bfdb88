namespace GraphApi.Server.Tests.Infrastructure;

/// <summary>
/// A fact that needs <c>redis-server</c> on PATH (the test starts its own, see <see cref="RedisServer"/>): skipped
/// with a visible reason when it is missing, unless <c>GRAPHAPI_REQUIRE_EXTERNAL=1</c>, in which case it runs (and fails).
/// </summary>
public sealed class RequiresRedisFactAttribute : FactAttribute
{
    public RequiresRedisFactAttribute()
    {
        if (!ExternalTools.ExternalToolsRequired && ExternalTools.Find(RedisServer.Program) is null)
        {
            Skip = $"Needs {RedisServer.Program} on PATH (set {ExternalTools.RequireExternalVariable}=1 to fail instead of skipping).";
        }
    }
}
