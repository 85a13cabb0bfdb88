using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace GraphApi.Tests.Performance;

/// <summary>
/// The load run's Node comparison server (tests/GraphApi.Benchmarks/Load/NodeBaseline) as a process of its own on
/// 127.0.0.1 and a free port, over a SQLite file the app created; installed with <c>npm ci</c> when its
/// <c>node_modules</c> is missing or older than its lock (as load-run.sh does).
/// </summary>
internal sealed class NodeComparisonServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeComparisonServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public static string Directory { get; } = RepositoryRoot.Combine("tests", "GraphApi.Benchmarks", "Load", "NodeBaseline");

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<NodeComparisonServer> StartAsync(string databasePath, string signingKey)
    {
        await InstallAsync();
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(ExternalTools.Find("node") ?? "node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "server.mjs", "--port", address.Port.ToString(CultureInfo.InvariantCulture), "--database", databasePath, "--signing-key", signingKey,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var server = new NodeComparisonServer(process, address);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilLiveAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// <c>npm ci</c> compiles better-sqlite3 (about a minute), so it runs only when the installed tree is missing or
    /// older than the lock; one install at a time.
    /// </summary>
    private static async Task InstallAsync()
    {
        await Install.WaitAsync();
        try
        {
            var installed = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc > File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json")))
            {
                return;
            }

            var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
        }
        finally
        {
            Install.Release();
        }
    }

    private async Task WaitUntilLiveAsync(TimeSpan deadline)
    {
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Node server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The Node server did not answer /health/live within {deadline.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
