namespace GraphApi.Testing;

/// <summary>Finds external programs that some tests need (node, npm, redis-server, ...).</summary>
public static class ExternalTools
{
    /// <summary>Set to <c>1</c> (e.g. in CI) to make tests fail instead of skip when something external is missing.</summary>
    public const string RequireExternalVariable = "GRAPHAPI_REQUIRE_EXTERNAL";

    /// <summary>True when the environment demands that external services are really tested (CI).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireExternalVariable) == "1";

    /// <summary>The full path of <paramref name="program"/> on PATH, or <see langword="null"/>.</summary>
    public static string? Find(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".cmd", program + ".exe", program } : [program];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
