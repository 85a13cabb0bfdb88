using System.Diagnostics;
using System.Net;
using System.Text;

namespace GraphApi.Testing;

/// <summary>
/// The built application as a process of its own (Production, Kestrel on 127.0.0.1 and a free port, a temp SQLite
/// file), for what only a separate process can show: its memory, its exit, its behaviour under a real socket.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far (standard output and error), for failure messages.</summary>
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

    /// <summary>The most memory the process has held at once (VmHWM on Linux).</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts GraphApi.dll from the test binaries; <paramref name="settings"/> (e.g. <c>Jwt:SigningKey</c>) become environment variables.</summary>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "graphapi-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = StartInfo(directory, settings);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, directory, address);
        process.OutputDataReceived += (_, line) => app.Append(line.Data);
        process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilLiveAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Runs a command-line verb of the built application (e.g. <c>migrate</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(
        IReadOnlyList<string> arguments, IDictionary<string, string>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("graphapi-verb-").FullName;
        try
        {
            var start = StartInfo(directory, settings);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the application.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Sends SIGTERM, as a container runtime stopping the app does, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan deadline)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(deadline);
        return _process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(string directory, IDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphApi.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Database"] = $"Data Source={Path.Combine(directory, "graphapi.db")}";
        start.Environment["Jwt__SigningKey"] = TestSigningKey; // settings may name another
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>The key the in-process test factory signs with too, so tokens minted in tests are accepted.</summary>
    public const string TestSigningKey = "integration-tests-signing-key-0123456789abcdef";

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a test on clean-up.
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
                throw new InvalidOperationException($"The application exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
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
        throw new TimeoutException($"The application did not answer /health/live within {deadline.TotalSeconds} s:\n{Output}");
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
