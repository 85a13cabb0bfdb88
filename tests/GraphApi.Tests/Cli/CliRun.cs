using GraphApi.Cli;

namespace GraphApi.Tests.Cli;

/// <summary>One in-process run of the <c>schema</c> command line, with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(string[] args, Func<string>? printSdl = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SchemaCli.Run(args, output, error, printSdl);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
