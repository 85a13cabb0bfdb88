using System.Diagnostics;
using Npgsql;

namespace GraphApi.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp directory on 127.0.0.1 and a free port, for the tests of one
/// collection. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS user
/// (through runuser), which must exist. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private const string ServiceUser = "postgres";
    private string? _directory;
    private string? _dataDirectory;
    private int _port;

    /// <summary>Why no server runs (binaries missing: the tests are skipped then, see RequiresPostgresFact), or null.</summary>
    private string? _startFailure;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Directory is null)
        {
            _startFailure = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin.";
            return;
        }

        if (Environment.IsPrivilegedProcess && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith($"{ServiceUser}:", StringComparison.Ordinal)))
        {
            _startFailure = $"PostgreSQL refuses to run as root and there is no '{ServiceUser}' OS user "
                + "(installing Debian's postgresql package creates it).";
            return;
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("graphapi-pg-").FullName;
        var dataDirectory = Path.Combine(directory, "data");
        _port = FreePort.Next();
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:", directory]);
            }

            await RunPostgresToolAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
            (_directory, _dataDirectory) = (directory, dataDirectory);
            await StartServerAsync();
        }
        catch
        {
            (_directory, _dataDirectory) = (null, null);
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions are cut as in an outage); <see cref="StartServerAsync"/> brings it back on the same port.</summary>
    public Task StopServerAsync() => RunPostgresToolAsync("pg_ctl", ["-D", _dataDirectory!, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the (initialized) server on its port.</summary>
    public Task StartServerAsync() => RunPostgresToolAsync("pg_ctl",
    [
        "-D", _dataDirectory!, "-l", Path.Combine(_directory!, "server.log"), "-w", "-t", "60",
        "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c full_page_writes=off",
        "start",
    ]);

    /// <summary>
    /// Creates an empty database on the server and returns its connection string. Its default collation is ICU
    /// <c>en-US</c> whatever the machine's locale: linguistic ordering, as on most production servers, and the same
    /// on every test machine.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_startFailure is not null)
        {
            throw new InvalidOperationException(_startFailure);
        }

        var name = $"graphapi_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
                connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null || _directory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunPostgresToolAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=false";

    private static Task RunPostgresToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(PostgresBinaries.Directory!, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // Read both streams concurrently so a chatty tool cannot block on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
