using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GraphApi.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> for one test: its own temp directory and free port on 127.0.0.1, no persistence.
/// It can be stopped and started again on the same port (to test reconnects); disposing stops it and deletes the
/// directory. Use with <see cref="RequiresRedisFactAttribute"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Program = "redis-server";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(10);

    private readonly string _directory;
    private Process? _process;

    private RedisServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("graphapi-redis-").FullName;
        var server = new RedisServer(directory, FreePort.Next());
        try
        {
            await server.RestartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server again (on the same port) after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The Redis server is already running.");
        }

        var program = ExternalTools.Find(Program)
            ?? throw new InvalidOperationException($"{Program} is not on PATH: install it (apt-get install -y redis-server).");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory,
                     "--save", "", "--appendonly", "no", "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Program}.");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync();
    }

    /// <summary>Kills the server, as a crash or a network loss would look to its clients.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test over it.
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"{Program} exited with code {exited.ExitCode} on port {Port}.");
            }

            if (await AnswersPingAsync())
            {
                return;
            }

            if (deadline.Elapsed > StartPatience)
            {
                throw new TimeoutException($"{Program} did not answer on port {Port} within {StartPatience}.");
            }

            await Task.Delay(20);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[7];
            var read = await stream.ReadAsync(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
