using GraphApi.Data;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

/// <summary>The SKU race is decided by the unique index: its violation must be recognised on both providers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UniqueViolationTests(PostgresServerFixture server)
{
    [Fact]
    public async Task A_duplicate_sku_is_a_unique_violation_on_SQLite()
    {
        using var database = new TempSqliteDatabase();
        await using var host = new AppDataHost(database.Settings());
        await host.InitializeDatabaseAsync();

        await AssertDuplicateSkuIsRecognisedAsync(host);
    }

    [RequiresPostgresFact]
    public async Task A_duplicate_sku_is_a_unique_violation_on_PostgreSQL()
    {
        await using var host = new AppDataHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = await server.CreateDatabaseAsync(),
        });
        await host.InitializeDatabaseAsync();

        await AssertDuplicateSkuIsRecognisedAsync(host);
    }

    [Fact]
    public async Task Other_constraint_failures_are_not_mistaken_for_a_taken_sku()
    {
        using var database = new TempSqliteDatabase();
        await using var host = new AppDataHost(database.Settings());
        await host.InitializeDatabaseAsync();

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(db =>
        {
            db.Products.Add(new Product { Sku = "NULL-NAME", Name = null! });
            return db.SaveChangesAsync();
        }));

        Assert.False(UniqueViolation.Is(failure));
    }

    private static async Task AssertDuplicateSkuIsRecognisedAsync(AppDataHost host)
    {
        await host.WithDbAsync(db => AddAsync(db, "DUP-1"));

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(db => AddAsync(db, "DUP-1")));

        Assert.True(UniqueViolation.Is(failure), failure.InnerException?.Message);
    }

    private static Task<int> AddAsync(AppDbContext db, string sku)
    {
        db.Products.Add(new Product { Sku = sku, Name = "Duplicate " + sku, Price = 1.00m });
        return db.SaveChangesAsync();
    }
}
