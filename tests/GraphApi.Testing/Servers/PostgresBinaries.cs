namespace GraphApi.Testing;

/// <summary>Finds a local PostgreSQL server installation (Debian layout: /usr/lib/postgresql/NN/bin), 15 preferred.</summary>
public static class PostgresBinaries
{
    public static string? Directory { get; } = Find();

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (binaries found, or required).</summary>
    public static string? SkipReason => ExternalNeeds.SkipReason(ExternalNeed.Postgres);

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
