using GraphApi.Data;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

public sealed class UntrackedQueriesTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings());
        await _host.InitializeDatabaseAsync();
        await _host.WithDbAsync(db =>
        {
            db.Products.AddRange(new Product { Sku = "A", Name = "First", Price = 1m }, new Product { Sku = "B", Name = "Second", Price = 2m });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Rows_read_untracked_are_not_tracked_and_the_statement_is_as_no_tracking_gives()
    {
        var (names, tracked) = await _host.WithDbAsync(async db =>
        {
            var products = await db.Products.Untracked().OrderBy(p => p.Id).ToListAsync();
            return (products.Select(p => p.Name).ToArray(), db.ChangeTracker.Entries().Count());
        });
        var (untrackedSql, noTrackingSql) = await _host.WithDbAsync(db => Task.FromResult((
            db.Products.Untracked().Where(p => p.Price > 1m).ToQueryString(),
            db.Products.AsNoTracking().Where(p => p.Price > 1m).ToQueryString())));

        Assert.Equal(["First", "Second"], names);
        Assert.Equal(0, tracked);
        Assert.Equal(noTrackingSql, untrackedSql);
    }

    [Fact]
    public async Task A_tracked_read_beside_it_still_tracks()
    {
        var tracked = await _host.WithDbAsync(async db =>
        {
            await db.Products.Untracked().ToListAsync();
            await db.Products.Where(p => p.Sku == "A").ToListAsync();
            return db.ChangeTracker.Entries().Count();
        });

        Assert.Equal(1, tracked);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
