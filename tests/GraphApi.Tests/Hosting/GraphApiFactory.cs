using GraphApi.Auth;
using GraphApi.Data;
using GraphApi.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Hosting;

/// <summary>
/// The real application in-process, in the Production environment (so error masking is what users meet), on its
/// own SQLite file in a temp folder by default, or on a PostgreSQL database (<see cref="ForPostgres"/>).
/// Every SQL command it runs is counted by <see cref="Sql"/>, whichever provider is configured.
/// </summary>
public sealed class GraphApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = AppProcess.TestSigningKey;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graphapi-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public GraphApiFactory(IDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_directory);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = $"Data Source={Path.Combine(_directory, "graphapi.db")}",
            ["Jwt:SigningKey"] = SigningKey,
            ["Seed:SampleData"] = "false",
            // Production leaves EF Core's thread-safety checks off; tests keep them on, so misuse fails loudly here.
            ["Database:ThreadSafetyChecks"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// The application on the given (empty) PostgreSQL database; migrations run when the host starts.
    /// <paramref name="testServices"/> is <see cref="TestServices"/> (none by default).
    /// </summary>
    public static GraphApiFactory ForPostgres(
        string connectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? testServices = null) =>
        new(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [DatabaseProviders.ProviderKey] = DatabaseProviders.Postgres,
            ["ConnectionStrings:Database"] = connectionString,
        })
        {
            TestServices = testServices,
        };

    public SqlCommandCounter Sql { get; } = new();

    public string Environment { get; init; } = "Production";

    /// <summary>Test doubles and extra services, registered after the application's own (so they win).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Both provider contexts get the counter; only the one the configuration registers is ever built.
        builder.ConfigureTestServices(services => services
            .ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Sql))
            .ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Sql)));
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public GraphQLTestClient Client(string? token = null) => new(CreateClient(), token);

    internal async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    internal string TokenFor(User user) => Services.GetRequiredService<JwtTokenIssuer>().Issue(user).Token;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a test on clean-up.
        }
    }
}
