using System.Diagnostics;
using System.Text;

namespace GraphApi.Testing;

/// <summary>Runs a program to completion (or a deadline) and keeps its exit code and combined output.</summary>
public sealed record ExternalProcess(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Standard output followed by standard error.</summary>
    public string Output => StdOut + StdErr;

    public static async Task<ExternalProcess> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(ExternalTools.Find(program) ?? program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point a nested `dotnet run` at the wrong SDK pieces.
        foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        var stdOut = new StringBuilder();
        var stdErr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(stdOut, line.Data);
        process.ErrorDataReceived += (_, line) => Append(stdErr, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(stdErr, $"[killed after {deadline.TotalSeconds} s]");
        }

        return new ExternalProcess(process.ExitCode, stdOut.ToString(), stdErr.ToString());
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or <see langword="null"/>.</summary>
    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
