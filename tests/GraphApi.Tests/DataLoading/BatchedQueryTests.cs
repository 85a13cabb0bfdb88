using GraphApi.Tests.Hosting;
using GraphApi.Users;

namespace GraphApi.Tests.DataLoading;

/// <summary>Lists cost a handful of SQL statements, whatever their length: every relation goes through a loader.</summary>
public sealed class BatchedQueryTests : IAsyncLifetime
{
    private readonly GraphApiFactory _factory = new();
    private User _admin = null!;

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public BatchedQueryTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        _admin = await _factory.WithDbAsync(ManyOrdersData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task Orders_with_customers_items_and_products_cost_at_most_four_statements(int first)
    {
        var client = _factory.Client(_factory.TokenFor(_admin));
        _factory.Sql.Reset();

        var response = await client.PostAsync($$"""
            {
              orders(first: {{first}}) {
                nodes { total customer { username } items { quantity product { name price } } }
              }
            }
            """);

        response.AssertNoErrors();
        var orders = response.Data!["orders"]!["nodes"]!.AsArray();
        Assert.Equal(first, orders.Count);
        Assert.All(orders, o => Assert.NotEmpty(o!["items"]!.AsArray()));
        foreach (var command in _factory.Sql.Commands)
        {
            _output.WriteLine(command + "\n");
        }

        Assert.True(_factory.Sql.Commands.Count <= 4, $"{_factory.Sql.Commands.Count} statements for {first} orders");
    }

    [Fact]
    public async Task Users_with_their_order_pages_cost_one_statement_per_level()
    {
        var client = _factory.Client(_factory.TokenFor(_admin));
        _factory.Sql.Reset();

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
        foreach (var command in _factory.Sql.Commands)
        {
            _output.WriteLine(command + "\n");
        }

        // users page, the order pages of all users, their items, their products
        Assert.True(_factory.Sql.Commands.Count <= 4, $"{_factory.Sql.Commands.Count} statements");
    }
}
