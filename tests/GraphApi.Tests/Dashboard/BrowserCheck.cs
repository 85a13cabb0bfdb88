using System.Diagnostics;
using System.Text;

namespace GraphApi.Tests.Dashboard;

/// <summary>
/// The node script <c>browser/dashboard-check.mjs</c> (Playwright driving headless Chromium) as a child process
/// spoken to line by line: the test writes what it expects the table to show, the script answers when it does.
/// </summary>
internal sealed class BrowserCheck : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // Chromium starts slowly on a busy machine
    private readonly Process _process;
    private readonly StringBuilder _stdErr = new();

    private BrowserCheck(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stdErr)
            {
                _stdErr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static async Task<BrowserCheck> StartAsync(Uri baseAddress, string username, string password, string screenshot)
    {
        var directory = ScriptDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            await InstallAsync(directory);
        }

        var startInfo = new ProcessStartInfo(ExternalTools.Find("node") ?? "node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "dashboard-check.mjs", baseAddress.ToString(), username, password, screenshot })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new BrowserCheck(Process.Start(startInfo)!);
    }

    /// <summary>The script's next line of output; fails with its standard error when it ends or stalls first.</summary>
    public async Task<string> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The browser check said nothing for {Patience}.\n{StdErr}");
        }

        return line ?? throw new InvalidOperationException($"The browser check ended early.\n{StdErr}");
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Tells the script the steps are over, and waits for its final report and exit.</summary>
    public async Task<string> FinishAsync()
    {
        _process.StandardInput.Close();
        var report = await ReadLineAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        Assert.True(_process.ExitCode == 0, $"The browser check failed.\n{StdErr}");
        return report;
    }

    private string StdErr
    {
        get
        {
            lock (_stdErr)
            {
                return _stdErr.ToString();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task InstallAsync(string directory)
    {
        var startInfo = new ProcessStartInfo(ExternalTools.Find("npm") ?? "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("ci");
        startInfo.ArgumentList.Add("--no-audit");
        startInfo.ArgumentList.Add("--no-fund");
        using var npm = Process.Start(startInfo)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        Assert.True(npm.ExitCode == 0, $"npm ci failed in {directory}:\n{await output}\n{await errors}");
    }

    // The script lives in the source tree beside this file; tests run from bin/, so walk up to the repository.
    private static string ScriptDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "GraphApi.Tests", "Dashboard", "browser");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/GraphApi.Tests/Dashboard/browser not found above " + AppContext.BaseDirectory);
    }
}
