using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Data;

public sealed class TimestampAndVersionTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings());
        await _host.InitializeDatabaseAsync();
    }

    [Fact]
    public async Task New_entities_are_stamped_in_utc_truncated_to_milliseconds()
    {
        await _host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "carol", "carol@example.com"));

        var user = await _host.WithDbAsync(db => db.Users.SingleAsync());
        var expected = new DateTime(2026, 11, 26, 12, 0, 0, 123, DateTimeKind.Utc);
        Assert.Equal((expected, DateTimeKind.Utc), (user.CreatedAt, user.CreatedAt.Kind));
        Assert.Equal(expected, user.UpdatedAt);
    }

    [Fact]
    public async Task Saving_a_modified_order_moves_UpdatedAt_and_bumps_Version()
    {
        var orderId = await AddOrderAsync();
        _host.Clock.Now = _host.Clock.Now.AddMinutes(5);

        await _host.WithDbAsync(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            order.Status = OrderStatus.Paid;
            await db.SaveChangesAsync();
        });

        var saved = await _host.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == orderId));
        Assert.Equal(1, saved.Version);
        Assert.Equal(saved.CreatedAt.AddMinutes(5), saved.UpdatedAt);
    }

    [Fact]
    public async Task A_stale_order_write_loses_with_a_concurrency_exception()
    {
        var orderId = await AddOrderAsync();
        await using var firstScope = _host.Services.CreateAsyncScope();
        await using var secondScope = _host.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var firstCopy = await first.Orders.SingleAsync(o => o.Id == orderId);
        var secondCopy = await second.Orders.SingleAsync(o => o.Id == orderId);

        firstCopy.Status = OrderStatus.Paid;
        await first.SaveChangesAsync();
        secondCopy.Status = OrderStatus.Cancelled;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Line_totals_are_computed_and_enums_are_stored_as_integers()
    {
        var orderId = await AddOrderAsync();

        var order = await _host.WithDbAsync(db => db.Orders.Include(o => o.Items).SingleAsync(o => o.Id == orderId));
        var status = await _host.WithDbAsync(db =>
            db.Database.SqlQueryRaw<int>("SELECT \"Status\" AS \"Value\" FROM \"Orders\"").SingleAsync());

        Assert.Equal(59.97m, order.Items.Single().LineTotal);
        Assert.Equal((int)OrderStatus.Pending, status);
    }

    private Task<int> AddOrderAsync() => _host.WithDbAsync(async db =>
    {
        var customer = new User { Username = "dave", Email = "dave@example.com", PasswordHash = "x" };
        var product = new Product { Sku = "MUG", Name = "Mug", Price = 19.99m, Stock = 10 };
        var order = new Order
        {
            Customer = customer,
            Items = [new OrderItem { Product = product, Quantity = 3, UnitPrice = product.Price }],
            Total = 59.97m,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
