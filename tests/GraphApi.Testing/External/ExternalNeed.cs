namespace GraphApi.Testing;

/// <summary>Something outside the test process that a test needs; see <see cref="RequiresExternalFactAttribute"/>.</summary>
public enum ExternalNeed
{
    /// <summary><c>redis-server</c> on PATH (the test starts its own, see <see cref="RedisServer"/>).</summary>
    Redis,

    /// <summary>The PostgreSQL server binaries (see <see cref="PostgresBinaries"/>).</summary>
    Postgres,

    /// <summary><c>node</c> and <c>npm</c> on PATH.</summary>
    Node,

    /// <summary>Debian's chromium at <see cref="ExternalNeeds.ChromiumPath"/>, driven by Playwright for .NET.</summary>
    Chromium,

    /// <summary>The IDE assets built into the test binaries' <c>ide/</c> folder (npm at build time).</summary>
    IdeAssets,
}
