using GraphApi.Auth.PasswordHashing;
using GraphApi.Data.Seeding;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Data;

public sealed class SampleDataSeederTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings(("Seed:SampleData", "true")));
        await _host.InitializeDatabaseAsync();
    }

    [Fact]
    public async Task Seeds_50_products_20_customers_and_200_orders()
    {
        var counts = await _host.WithDbAsync(async db => new
        {
            Products = await db.Products.CountAsync(),
            Customers = await db.Users.CountAsync(u => u.Role == Role.Customer),
            Orders = await db.Orders.CountAsync(),
            DistinctSkus = await db.Products.Select(p => p.Sku).Distinct().CountAsync(),
        });

        Assert.Equivalent(new { Products = 50, Customers = 20, Orders = 200, DistinctSkus = 50 }, counts);
    }

    [Fact]
    public async Task Orders_are_consistent_and_cover_every_status()
    {
        var orders = await _host.WithDbAsync(db => db.Orders.Include(o => o.Items).ToListAsync());

        Assert.All(orders, o =>
        {
            Assert.InRange(o.Items.Count, 1, 4);
            Assert.Equal(o.Items.Sum(i => i.LineTotal), o.Total);
            Assert.Equal(o.Items.Count, o.Items.Select(i => i.ProductId).Distinct().Count());
            Assert.True(o.UpdatedAt >= o.CreatedAt);
        });
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), orders.Select(o => o.Status).Distinct().Order());
        // Primary keys follow creation order.
        Assert.Equal(orders.OrderBy(o => o.CreatedAt).Select(o => o.Id), orders.OrderBy(o => o.Id).Select(o => o.Id));
    }

    [Fact]
    public async Task Timestamps_are_utc_milliseconds_within_the_past_weeks()
    {
        var now = AppDataHost.StartTime.UtcDateTime;
        var stamps = await _host.WithDbAsync(db => db.Orders.Select(o => o.CreatedAt).ToListAsync());

        Assert.All(stamps, t =>
        {
            Assert.Equal(DateTimeKind.Utc, t.Kind);
            Assert.Equal(0, t.Ticks % TimeSpan.TicksPerMillisecond);
            Assert.InRange(t, now.AddDays(-57), now);
        });
        Assert.True(stamps.Max() - stamps.Min() > TimeSpan.FromDays(21), "orders should spread over several weeks");
    }

    [Fact]
    public async Task Prices_have_cents_and_some_products_are_sold_out()
    {
        var products = await _host.WithDbAsync(db => db.Products.ToListAsync());

        Assert.Contains(products, p => p.Price != decimal.Truncate(p.Price));
        Assert.Contains(products, p => p.Stock == 0);
        Assert.All(products, p => Assert.InRange(p.Price, 0.01m, 1_000_000m));
    }

    [Fact]
    public async Task Sample_customers_log_in_with_the_documented_password()
    {
        var hasher = _host.Services.GetRequiredService<IPasswordHasher>();
        var hashes = await _host.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).Distinct().ToListAsync());

        var hash = Assert.Single(hashes);
        Assert.True(hasher.Verify(hash, SampleCustomers.Password));
    }

    [Fact]
    public async Task A_database_with_any_product_is_left_alone()
    {
        using var otherDatabase = new TempSqliteDatabase();
        await using var otherHost = new AppDataHost(otherDatabase.Settings());
        await otherHost.InitializeDatabaseAsync();
        await otherHost.WithDbAsync(db =>
        {
            db.Products.Add(new Product { Sku = "ONLY-ONE", Name = "The only product", Price = 1m });
            return db.SaveChangesAsync();
        });

        var seeded = await otherHost.WithDbAsync(db =>
            ActivatorUtilities.CreateInstance<SampleDataSeeder>(otherHost.Services, db).SeedIfEmptyAsync(CancellationToken.None));

        Assert.False(seeded);
        Assert.Equal((1, 0), await otherHost.WithDbAsync(async db => (await db.Products.CountAsync(), await db.Users.CountAsync())));
    }

    [Fact]
    public async Task Running_initialization_again_adds_nothing()
    {
        await _host.InitializeDatabaseAsync();

        Assert.Equal(200, await _host.WithDbAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task The_same_seed_produces_the_same_data()
    {
        using var otherDatabase = new TempSqliteDatabase();
        await using var otherHost = new AppDataHost(otherDatabase.Settings(("Seed:SampleData", "true")));
        await otherHost.InitializeDatabaseAsync();

        static Task<List<string>> Fingerprint(AppDataHost host) => host.WithDbAsync(async db =>
            (await db.Orders.Include(o => o.Items).OrderBy(o => o.Id).ToListAsync())
                .Select(o => $"{o.CustomerId}|{o.Status}|{o.Total}|{o.CreatedAt:O}|{string.Join(',', o.Items.Select(i => $"{i.ProductId}x{i.Quantity}"))}")
                .ToList());
        Assert.Equal(await Fingerprint(_host), await Fingerprint(otherHost));
    }

    [Fact]
    public async Task The_load_run_shape_repeats_names_with_a_number_and_keeps_them_unique()
    {
        using var otherDatabase = new TempSqliteDatabase();
        await using var otherHost = new AppDataHost(otherDatabase.Settings(
            ("Seed:SampleData", "true"), ("Seed:Products", "200"), ("Seed:Customers", "50"), ("Seed:Orders", "1000")));
        await otherHost.InitializeDatabaseAsync();

        var counts = await otherHost.WithDbAsync(async db => new
        {
            Products = await db.Products.CountAsync(),
            DistinctSkus = await db.Products.Select(p => p.Sku).Distinct().CountAsync(),
            Customers = await db.Users.CountAsync(u => u.Role == Role.Customer),
            DistinctEmails = await db.Users.Select(u => u.Email).Distinct().CountAsync(),
            Orders = await db.Orders.CountAsync(),
            Repeated = await db.Products.AnyAsync(p => p.Sku == "KIT-CHEF-KNIFE-20-4" && p.Name == "Chef's Knife 20 cm #4"),
            RepeatedCustomer = await db.Users.AnyAsync(u => u.Username == "alice_martin3"),
        });

        Assert.Equivalent(
            new { Products = 200, DistinctSkus = 200, Customers = 50, DistinctEmails = 50, Orders = 1000, Repeated = true, RepeatedCustomer = true },
            counts);
    }

    [Theory]
    [InlineData(1, 1, 0, true)]
    [InlineData(100_000, 100_000, 100_000, true)]
    [InlineData(0, 1, 0, false)]
    [InlineData(1, 0, 0, false)]
    [InlineData(1, 1, -1, false)]
    [InlineData(100_001, 1, 0, false)]
    [InlineData(1, 100_001, 0, false)]
    [InlineData(1, 1, 100_001, false)]
    public void Seed_sizes_are_bounded(int products, int customers, int orders, bool valid) =>
        Assert.Equal(valid, new SeedOptions { Products = products, Customers = customers, Orders = orders }.HasValidCounts);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
