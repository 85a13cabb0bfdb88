using GraphApi.Data;
using GraphApi.Data.Conventions;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

public sealed class MoneyStorageTests : IAsyncLifetime
{
    private static readonly decimal[] Prices = [1234.56m, 0.01m, 999999.99m, 10.00m, 0m, 10.10m];
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings());
        await _host.InitializeDatabaseAsync();
        await _host.WithDbAsync(db =>
        {
            db.Products.AddRange(Prices.Select((price, i) => new Product { Sku = $"SKU-{i}", Name = $"Item {i}", Price = price }));
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Prices_round_trip_exactly()
    {
        var stored = await _host.WithDbAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Price).ToListAsync());

        Assert.Equal(Prices, stored);
        // Read back with two decimals, so the API prints 10.10 rather than 10.1.
        Assert.Equal("10.10", stored[^1].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Prices_are_stored_as_integer_cents()
    {
        var cents = await _host.WithDbAsync(db =>
            db.Database.SqlQueryRaw<long>("SELECT \"Price\" AS \"Value\" FROM \"Products\" ORDER BY \"Id\"").ToListAsync());

        Assert.Equal([123456L, 1L, 99999999L, 1000L, 0L, 1010L], cents);
    }

    [Fact]
    public async Task Sqlite_filters_and_orders_by_price_in_sql()
    {
        IQueryable<decimal> Query(AppDbContext db) =>
            db.Products.Where(p => p.Price > 10.00m).OrderByDescending(p => p.Price).Select(p => p.Price);

        var sql = await _host.WithDbAsync(db => Task.FromResult(Query(db).ToQueryString()));
        var prices = await _host.WithDbAsync(db => Query(db).ToListAsync());

        Assert.Contains("ORDER BY \"p\".\"Price\" DESC", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE \"p\".\"Price\" > 1000", sql, StringComparison.Ordinal);
        Assert.Equal([999999.99m, 1234.56m, 10.10m], prices);
    }

    [Fact]
    public void Sub_cent_amounts_are_refused_rather_than_rounded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MoneyConverter.ToMinorUnits(0.005m));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
