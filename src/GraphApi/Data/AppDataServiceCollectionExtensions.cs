using GraphApi.Auth.PasswordHashing;
using GraphApi.Data.Resilience;
using GraphApi.Data.Seeding;
using GraphApi.Users.AdminBootstrap;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Data;

/// <summary>Registers the application's data layer.</summary>
public static class AppDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (provider from <c>Database:Provider</c>: <c>Sqlite</c> by default or <c>Postgres</c>;
    /// connection string <c>ConnectionStrings:Database</c>, default <c>Data Source=graphapi.db</c>; pool, timeout, retries
    /// and <c>Database:MigrateOnStartup</c> from <see cref="DatabaseOptions"/>) as a pooled, scoped
    /// AppDbContext plus an <c>IDbContextFactory&lt;AppDbContext&gt;</c>; the Argon2id <see cref="IPasswordHasher"/>
    /// (<c>Auth:Argon2</c>, defaults MemoryKiB 19456, Iterations 2, Parallelism 1, MaxConcurrency the processor count,
    /// QueueLimit 100); <see cref="TimeProvider.System"/>
    /// unless a TimeProvider is already registered; the admin bootstrap (<c>Admin:*</c>, default off) and the
    /// sample seed (<c>Seed:SampleData</c>, default true in Development only; sizes <c>Seed:Products</c> 50,
    /// <c>Seed:Customers</c> 20, <c>Seed:Orders</c> 200).
    /// Call <see cref="DatabaseInitialization.InitializeDatabaseAsync"/> once the host is built.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        DatabaseProviders.AddProviderContext(services, configuration, environment);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<Argon2Options>()
            .Bind(configuration.GetSection(Argon2Options.SectionName))
            .Validate(o => o.IsAtLeastOwaspMinimum, Argon2Options.TooWeakMessage)
            .Validate(o => o.HasValidLimits, Argon2Options.InvalidLimitsMessage)
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher, Argon2PasswordHasher>();

        services.AddOptions<AdminAccountOptions>().Bind(configuration.GetSection(AdminAccountOptions.SectionName));
        services.AddScoped<AdminBootstrapper>();

        services.AddOptions<SeedOptions>()
            .Configure(o => o.SampleData = environment.IsDevelopment())
            .Bind(configuration.GetSection(SeedOptions.SectionName))
            .Validate(o => o.HasValidCounts, SeedOptions.InvalidCountsMessage)
            .ValidateOnStart();
        services.AddScoped<SampleDataSeeder>();
        return services;
    }
}
