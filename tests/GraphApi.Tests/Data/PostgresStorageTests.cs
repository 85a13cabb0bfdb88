using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServerFixture server)
{
    private async Task<AppDataHost> MigratedHostAsync()
    {
        var host = new AppDataHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = await server.CreateDatabaseAsync(),
        });
        await host.InitializeDatabaseAsync();
        return host;
    }

    [RequiresPostgresFact]
    public async Task Migrations_apply_and_match_the_model()
    {
        await using var host = await MigratedHostAsync();

        var (applied, known, pendingChanges) = await host.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList(), db.Database.HasPendingModelChanges()));

        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
        Assert.False(pendingChanges);
    }

    [RequiresPostgresFact]
    public async Task Usernames_and_emails_are_unique_case_insensitively()
    {
        await using var host = await MigratedHostAsync();
        await host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "Alice", "Alice@Example.com"));

        await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "ALICE", "a2@example.com")));
        await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "alice2", "ALICE@example.COM")));
    }

    [RequiresPostgresFact]
    public async Task Money_round_trips_and_orders_in_sql_and_timestamps_stay_utc()
    {
        await using var host = await MigratedHostAsync();
        decimal[] prices = [1234.56m, 0.01m, 999999.99m, 10.10m];
        await host.WithDbAsync(db =>
        {
            db.Products.AddRange(prices.Select((price, i) => new Product { Sku = $"SKU-{i}", Name = $"Item {i}", Price = price }));
            return db.SaveChangesAsync();
        });

        var sorted = await host.WithDbAsync(db => db.Products.Where(p => p.Price >= 10.10m).OrderBy(p => p.Price).ToListAsync());

        Assert.Equal([10.10m, 1234.56m, 999999.99m], sorted.Select(p => p.Price));
        Assert.All(sorted, p => Assert.Equal(
            (new DateTime(2026, 11, 26, 12, 0, 0, 123, DateTimeKind.Utc), DateTimeKind.Utc), (p.CreatedAt, p.CreatedAt.Kind)));
    }

    [RequiresPostgresFact]
    public async Task Users_can_be_found_by_normalized_username()
    {
        await using var host = await MigratedHostAsync();
        await host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "MiXeD", "mixed@example.com"));

        var key = UserRules.LookupKey(" mixed ");
        var found = await host.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == key));

        Assert.Equal("MiXeD", found?.Username);
    }
}
