using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;

namespace GraphApi.Tests.Postgres;

/// <summary>The DataLoader statement budget holds on PostgreSQL: lists cost a handful of statements, whatever their length.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBatchingTests(PostgresServerFixture server, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GraphApiFactory? _factory;
    private User _admin = null!;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.SkipReason is not null)
        {
            return;
        }

        _factory = GraphApiFactory.ForPostgres(await server.CreateDatabaseAsync());
        _ = _factory.Server;
        _admin = await _factory.WithDbAsync(ManyOrdersData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    [RequiresPostgresFact]
    public async Task Fifty_orders_with_customers_items_and_products_cost_at_most_four_statements()
    {
        var factory = _factory!;
        var client = factory.Client(factory.TokenFor(_admin));
        factory.Sql.Reset();

        var response = await client.PostAsync("""
            { orders(first: 50) { nodes { total customer { username } items { quantity product { name price } } } } }
            """);

        response.AssertNoErrors();
        var orders = response.Data!["orders"]!["nodes"]!.AsArray();
        Assert.Equal(50, orders.Count);
        Assert.All(orders, o => Assert.NotEmpty(o!["items"]!.AsArray()));
        Assert.All(orders, o => Assert.StartsWith("customer", o!["customer"]!["username"]!.GetValue<string>()));
        LogCommands(factory);
        Assert.InRange(factory.Sql.Commands.Count, 1, 4);
    }

    [RequiresPostgresFact]
    public async Task Users_with_their_order_pages_cost_one_statement_per_level()
    {
        var factory = _factory!;
        var client = factory.Client(factory.TokenFor(_admin));
        factory.Sql.Reset();

        var response = await client.PostAsync("""
            {
              users(first: 11) {
                nodes { username orders(first: 2, order: [{ total: DESC }]) { nodes { total items { product { sku } } } pageInfo { hasNextPage } } }
              }
            }
            """);

        response.AssertNoErrors();
        var users = response.Data!["users"]!["nodes"]!.AsArray();
        Assert.Equal(11, users.Count);
        Assert.All(users.Skip(1), u => Assert.Equal(2, u!["orders"]!["nodes"]!.AsArray().Count));
        Assert.All(users.Skip(1), u => Assert.True(u!["orders"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        LogCommands(factory);
        // users page, the order pages of all users, their items, their products
        Assert.InRange(factory.Sql.Commands.Count, 1, 4);
    }

    private void LogCommands(GraphApiFactory factory)
    {
        foreach (var command in factory.Sql.Commands)
        {
            output.WriteLine(command + "\n");
        }
    }
}
