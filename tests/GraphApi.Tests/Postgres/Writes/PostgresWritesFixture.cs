using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>
/// The application with <see cref="TestData"/> on its own database of the collection's PostgreSQL server, for one
/// test class that writes (every test works on rows of its own). It carries a <see cref="ReadBarrier"/> (idle until a
/// test arms it) to force two requests to read the same row version. Without server binaries it stays empty: the
/// [RequiresPostgresFact] tests are skipped then.
/// </summary>
public sealed class PostgresWritesFixture(PostgresServerFixture server) : IAsyncLifetime
{
    private GraphApiFactory? _factory;
    private int _nextSku;

    internal ReadBarrier Barrier { get; } = new();

    /// <summary>Every SQL command the application sent, as text.</summary>
    public SqlCommandCounter Sql => Factory.Sql;

    internal TestData Data { get; private set; } = null!;

    public GraphQLTestClient Admin => Client(Data.Admin);

    public GraphQLTestClient Alice => Client(Data.Alice);

    public GraphQLTestClient Bob => Client(Data.Bob);

    public GraphQLTestClient Anonymous => Factory.Client();

    private GraphApiFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.SkipReason is not null)
        {
            return;
        }

        _factory = GraphApiFactory.ForPostgres(await server.CreateDatabaseAsync(), testServices: services =>
            services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Barrier)));
        Data = await WithDbAsync(TestData.SeedAsync); // starting the host ran the migrations
    }

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    internal GraphQLTestClient Client(User user) => Factory.Client(Factory.TokenFor(user));

    internal Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work) => Factory.WithDbAsync(work);

    /// <summary>Stores a product with a SKU no other test of the class uses; returns its key.</summary>
    public Task<int> AddProductAsync(int stock, decimal price = 5.00m) => WithDbAsync(async db =>
    {
        var sku = $"PG-W-{Interlocked.Increment(ref _nextSku)}";
        var product = TestData.NewProduct(sku, $"Contested {sku}", price, stock, 30);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    });

    public Task<int> StockAsync(int productKey) =>
        WithDbAsync(db => db.Products.Where(p => p.Id == productKey).Select(p => p.Stock).SingleAsync());

    /// <summary>Stores an order of Alice's for <paramref name="quantity"/> units of one product; returns its key.</summary>
    internal Task<int> AddOrderAsync(OrderStatus status, int productKey, int quantity = 1) => WithDbAsync(async db =>
    {
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == productKey);
        var order = TestData.NewOrder(Data.Alice, status, 40, (product, quantity));
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    internal Task<OrderStatus> StatusAsync(int orderKey) =>
        WithDbAsync(db => db.Orders.Where(o => o.Id == orderKey).Select(o => o.Status).SingleAsync());

    public static string ProductId(int key) => GlobalId.Encode(ProductGraph.TypeName, key);

    public static string OrderId(int key) => GlobalId.Encode(OrderGraph.TypeName, key);
}
