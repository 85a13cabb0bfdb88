namespace GraphApi.Tests.Infrastructure;

/// <summary>Finds a local PostgreSQL server installation (Debian layout: /usr/lib/postgresql/NN/bin), 15 preferred.</summary>
internal static class PostgresBinaries
{
    public const string RequireExternalVariable = "GRAPHAPI_REQUIRE_EXTERNAL";

    public static string? Directory { get; } = Find();

    /// <summary>True when the environment demands that external services are really tested (CI).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireExternalVariable) == "1";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (binaries found, or required).</summary>
    public static string? SkipReason => Directory is null && !Required
        ? "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
            + $"(set {RequireExternalVariable}=1 to make this a failure)."
        : null;

    private static string? Find()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin.Contains("/15/", StringComparison.Ordinal))
            .ThenByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
