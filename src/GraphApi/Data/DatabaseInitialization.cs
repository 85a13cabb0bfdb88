using GraphApi.Data.Resilience;
using GraphApi.Data.Seeding;
using GraphApi.Users.AdminBootstrap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GraphApi.Data;

/// <summary>Brings the database up to date at start-up.</summary>
public static class DatabaseInitialization
{
    /// <summary>
    /// Validates the Admin settings (throws with a clear message before touching the database), applies the
    /// provider's migrations unless <c>Database:MigrateOnStartup</c> is false (never EnsureCreated), ensures the
    /// configured ADMIN, then seeds sample data when <c>Seed:SampleData</c> is true and the database is empty. Safe to
    /// run at every start; on PostgreSQL all of it runs under an advisory lock, so instances starting at once take turns.
    /// Requires <see cref="AppDataServiceCollectionExtensions.AddAppData"/>.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var admin = provider.GetRequiredService<IOptions<AdminAccountOptions>>().Value.Validate();

        var db = provider.GetRequiredService<AppDbContext>();
        var migrate = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value.SampleData;
        await StartupLock.RunExclusiveAsync(db, async () =>
        {
            if (migrate)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (admin is not null)
            {
                await provider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(admin, cancellationToken);
            }

            if (seed)
            {
                await provider.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Applies pending migrations and nothing else (the <c>migrate</c> verb); a no-op when none is pending.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await StartupLock.RunExclusiveAsync(db, () => db.Database.MigrateAsync(cancellationToken), cancellationToken);
    }
}
