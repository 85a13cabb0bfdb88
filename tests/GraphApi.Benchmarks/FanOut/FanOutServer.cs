using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// One fresh GraphApi process per subscriber count (Release build, Production, SQLite temp file with the sample data,
/// a bootstrapped admin, loopback on a free port), so each memory measurement starts from a clean process.
/// Disposing kills it and deletes its folder.
/// </summary>
internal sealed class FanOutServer : IAsyncDisposable
{
    public const string AdminUsername = "fanoutadmin";
    public const string AdminPassword = "fan-out-benchmark-password";

    private readonly Process _process;
    private readonly string _folder;

    private FanOutServer(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="initTimeout">The server's connection_init timeout, when not its default.</param>
    public static async Task<FanOutServer> StartAsync(string serverDll, TimeSpan? initTimeout, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("graphapi-fanout-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [serverDll])
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Database"] = $"Data Source={Path.Combine(folder, "fanout.db")}";
        start.Environment["Seed__SampleData"] = "true";
        start.Environment["Jwt__SigningKey"] = $"fanout-signing-key-{Guid.NewGuid():N}";
        start.Environment["Admin__Username"] = AdminUsername;
        start.Environment["Admin__Email"] = "fanout-admin@example.com";
        start.Environment["Admin__Password"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (initTimeout is { } timeout)
        {
            start.Environment["GraphQL__WebSockets__ConnectionInitTimeout"] = timeout.ToString("c", CultureInfo.InvariantCulture);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new FanOutServer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        var log = Path.Combine(folder, "server.log");
        _ = CopyAsync(process.StandardOutput, log);
        _ = CopyAsync(process.StandardError, log + ".err");
        try
        {
            await server.WaitUntilLiveAsync(ct);
            return server;
        }
        catch
        {
            var errors = File.Exists(log + ".err") ? await File.ReadAllTextAsync(log + ".err", CancellationToken.None) : "";
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not become live. {errors}");
        }
    }

    /// <summary>Resident set size of the server process (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    /// <summary>
    /// Waits until the server's CPU use stays under a fifth of a core for two consecutive half-second windows:
    /// graphql-transport-ws has no subscribe acknowledgement, so an idle server is the sign that every subscribe
    /// message has been executed and registered. Keep-alive pings keep some load, hence the threshold. Bounded.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan limit, CancellationToken ct)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var quietTicks = 100 * window.TotalSeconds / 5; // /proc counts CPU time in 1/100 s ticks
        var clock = Stopwatch.StartNew();
        var quietWindows = 0;
        var before = CpuTicks();
        while (quietWindows < 2 && clock.Elapsed < limit)
        {
            await Task.Delay(window, ct);
            var now = CpuTicks();
            quietWindows = now - before <= quietTicks ? quietWindows + 1 : 0;
            before = now;
        }
    }

    /// <summary>CPU time the server process used so far (user + system), in 1/100 s ticks.</summary>
    public long CpuTicks()
    {
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private async Task WaitUntilLiveAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync("/health/live", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start on a busy machine.
            }

            await Task.Delay(500, ct);
        }

        throw new TimeoutException("The server did not answer /health/live.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CopyAsync(StreamReader from, string path)
    {
        await using var to = File.Create(path);
        await from.BaseStream.CopyToAsync(to);
    }

    /// <summary>The server logs at Warning and above only: whatever it logged is worth seeing next to the figures.</summary>
    private void ShowLoggedWarnings()
    {
        var log = Path.Combine(_folder, "server.log");
        var lines = File.Exists(log) ? File.ReadLines(log).TakeLast(40).ToList() : [];
        if (lines.Count > 0)
        {
            Console.Error.WriteLine($"Server log (last {lines.Count} lines):");
            lines.ForEach(Console.Error.WriteLine);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        ShowLoggedWarnings();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log still being flushed: the temp folder is the OS's to clean.
        }
    }
}
