using GraphApi.Data.Resilience;
using GraphApi.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Data;

/// <summary>Chooses and registers the EF Core provider named by <c>Database:Provider</c>.</summary>
internal static class DatabaseProviders
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Database";
    public const string DefaultConnectionString = "Data Source=graphapi.db";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private static readonly SqliteConnectionTuning ConnectionTuning = new();

    /// <summary>
    /// Registers the provider's context (pooled), the <see cref="AppDbContext"/> alias and a factory of it. SQLite runs in WAL
    /// mode with synchronous=NORMAL (<see cref="SqliteConnectionTuning"/>). On PostgreSQL the pool size, connection
    /// timeout and retries come from <see cref="DatabaseOptions"/>.
    /// </summary>
    public static void AddProviderContext(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[ProviderKey] ?? Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;
        var database = DatabaseOptions.From(configuration);
        var threadSafetyChecks = database.ThreadSafetyChecks ?? environment.IsDevelopment();
        if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            AddContext<SqliteAppDbContext>(services, threadSafetyChecks, options => options.UseSqlite(connectionString).AddInterceptors(ConnectionTuning));
        }
        else if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            // A bounded pool and wait per instance, and every unit of work retried on transient failures.
            var pooled = PostgresConnectionString.Apply(connectionString, database);
            AddContext<PostgresAppDbContext>(services, threadSafetyChecks, options => options.UseNpgsql(
                pooled, npgsql => npgsql.ExecutionStrategy(dependencies => new BoundedRetryingExecutionStrategy(dependencies, database))));
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration '{ProviderKey}' is '{provider}'; expected '{Sqlite}' (default) or '{Postgres}'.");
        }
    }

    private static void AddContext<TContext>(IServiceCollection services, bool threadSafetyChecks, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        // Pooled: a request rents a context instead of building one (options, services, change tracker) each time.
        // The scoped context comes from the same pool; disposing the scope returns it.
        services.AddPooledDbContextFactory<TContext>(options => configure(options.EnableThreadSafetyChecks(threadSafetyChecks)));
        services.AddScoped<TContext>(provider => provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<AppDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<TContext>>();
    }
}
