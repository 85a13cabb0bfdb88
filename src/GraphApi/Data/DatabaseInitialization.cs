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
    /// provider's migrations (never EnsureCreated), ensures the configured ADMIN, then seeds sample data when
    /// <c>Seed:SampleData</c> is true and the database is empty. Safe to run at every start.
    /// Requires <see cref="AppDataServiceCollectionExtensions.AddAppData"/>.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var admin = provider.GetRequiredService<IOptions<AdminAccountOptions>>().Value.Validate();

        await provider.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);

        if (admin is not null)
        {
            await provider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(admin, cancellationToken);
        }

        if (provider.GetRequiredService<IOptions<SeedOptions>>().Value.SampleData)
        {
            await provider.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
    }
}
