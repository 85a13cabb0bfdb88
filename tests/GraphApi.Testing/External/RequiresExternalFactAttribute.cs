namespace GraphApi.Testing;

/// <summary>
/// A fact that needs something outside the process: skipped with a visible reason when it is missing, unless
/// <c>GRAPHAPI_REQUIRE_EXTERNAL=1</c>, in which case it runs (and fails). The named forms below read shorter.
/// </summary>
public class RequiresExternalFactAttribute : FactAttribute
{
    public RequiresExternalFactAttribute(params ExternalNeed[] needs) => Skip = ExternalNeeds.SkipReason(needs);
}

/// <summary>The theory form of <see cref="RequiresExternalFactAttribute"/> (same skip rule).</summary>
public class RequiresExternalTheoryAttribute : TheoryAttribute
{
    public RequiresExternalTheoryAttribute(params ExternalNeed[] needs) => Skip = ExternalNeeds.SkipReason(needs);
}

/// <summary>Needs <c>redis-server</c>; the test starts its own with <see cref="RedisServer"/>.</summary>
public sealed class RequiresRedisFactAttribute() : RequiresExternalFactAttribute(ExternalNeed.Redis);

/// <summary>Needs the PostgreSQL server binaries; the tests share a <see cref="PostgresServerFixture"/>.</summary>
public sealed class RequiresPostgresFactAttribute() : RequiresExternalFactAttribute(ExternalNeed.Postgres);

/// <summary>The theory form of <see cref="RequiresPostgresFactAttribute"/>.</summary>
public sealed class RequiresPostgresTheoryAttribute() : RequiresExternalTheoryAttribute(ExternalNeed.Postgres);

/// <summary>Needs <c>node</c> and <c>npm</c> on PATH.</summary>
public sealed class RequiresNodeFactAttribute() : RequiresExternalFactAttribute(ExternalNeed.Node);

/// <summary>Needs the built IDE assets.</summary>
public sealed class RequiresIdeAssetsFactAttribute() : RequiresExternalFactAttribute(ExternalNeed.IdeAssets);

/// <summary>Needs Chromium, driven by Playwright for .NET (never a downloaded browser).</summary>
public sealed class RequiresBrowserFactAttribute() : RequiresExternalFactAttribute(ExternalNeed.Chromium);
