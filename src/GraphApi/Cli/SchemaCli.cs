using GraphApi.Server.Schema;

namespace GraphApi.Cli;

/// <summary>
/// <c>schema export [--output file]</c> prints (or writes) the served SDL; <c>schema check [--baseline file]</c>
/// compares it with a committed baseline and exits 1 on a breaking change. Neither starts the web server.
/// To pipe the SDL, run with <c>dotnet run --no-launch-profile</c>: otherwise <c>dotnet run</c> itself prints
/// "Using launch settings..." on stdout first (or use <c>--output</c>).
/// </summary>
internal static class SchemaCli
{
    /// <summary>The committed baseline, relative to the repository root (outside <c>schema/</c>, which the server loads).</summary>
    public const string DefaultBaseline = "tests/GraphApi.Tests/Schema/baseline.graphql";

    public const int Success = 0;
    public const int BreakingChangesFound = 1;
    public const int UsageError = 2;
    public const int SchemaUnavailable = 3;

    private const string Usage =
        "Usage: schema export [--output <file>]\n" +
        $"       schema check [--baseline <file>]   (default baseline: {DefaultBaseline})\n" +
        "Relative paths resolve against the working directory (under `dotnet run`, the project folder).";

    /// <summary>True when the command line asks for this tool (its first word is <c>schema</c>).</summary>
    public static bool Handles(string[] args) => args is ["schema", ..];

    /// <param name="args">The full command line, starting with <c>schema</c>.</param>
    /// <param name="printSdl">Prints the served schema; <see cref="ServedSchema.PrintSdl"/> outside tests.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string>? printSdl = null)
    {
        try
        {
            return Dispatch(args, output, error, printSdl ?? ServedSchema.PrintSdl);
        }
        catch (Exception failure) when (failure is InvalidOperationException or SchemaBindingException)
        {
            // The same misconfigurations that stop the server (e.g. SDL and code drifted apart): say what, no stack trace.
            error.WriteLine($"Cannot build the schema: {failure.Message}");
            return SchemaUnavailable;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error, Func<string> printSdl)
    {
        switch (args)
        {
            case ["schema", "export"]:
                output.Write(printSdl());
                return Success;
            case ["schema", "export", "--output" or "-o", var file]:
                File.WriteAllText(file, printSdl());
                output.WriteLine($"Wrote the schema to {Path.GetFullPath(file)}.");
                return Success;
            case ["schema", "check"]:
                return Check(FindDefaultBaseline(Directory.GetCurrentDirectory()), printSdl, output, error);
            case ["schema", "check", "--baseline", var baseline]:
                return Check(baseline, printSdl, output, error);
            default:
                error.WriteLine(Usage);
                return UsageError;
        }
    }

    /// <summary>The default baseline in <paramref name="startDirectory"/> or above it (`dotnet run` starts in the project folder).</summary>
    public static string FindDefaultBaseline(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DefaultBaseline);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return DefaultBaseline;
    }

    private static int Check(string baselineFile, Func<string> printSdl, TextWriter output, TextWriter error)
    {
        if (!File.Exists(baselineFile))
        {
            error.WriteLine($"Baseline {Path.GetFullPath(baselineFile)} does not exist; create it with: schema export --output {baselineFile}");
            return UsageError;
        }

        var changes = BreakingChanges.Find(SchemaSurface.Parse(File.ReadAllText(baselineFile)), SchemaSurface.Parse(printSdl()));
        if (changes.Count == 0)
        {
            output.WriteLine($"No breaking changes against {baselineFile}.");
            return Success;
        }

        error.WriteLine($"{changes.Count} breaking change(s) against {baselineFile}:");
        foreach (var change in changes)
        {
            error.WriteLine("  " + change);
        }

        return BreakingChangesFound;
    }
}
