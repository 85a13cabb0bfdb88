using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Postgres;

/// <summary>Enum, money, time and string sorts and filters answer the same on PostgreSQL as on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSortAndTypeFilterTests(GraphApiFixture sqlite, PostgresGraphApiFixture postgres)
    : IClassFixture<GraphApiFixture>, IClassFixture<PostgresGraphApiFixture>
{
    private const string OrdersQuery = """
        query($where: OrderFilterInput, $order: [OrderSortInput!]) {
          orders(where: $where, order: $order) { totalCount nodes { status total createdAt } }
        }
        """;

    private readonly ProviderPair _both = new(sqlite, postgres);

    private async Task<string[]> OrderFieldAsync(string field, object? where = null, object? order = null)
    {
        var response = await _both.PostToBothAsync(f => f.Admin, OrdersQuery, new { where, order });
        return response.Data!["orders"]!["nodes"]!.AsArray().Select(n => n![field]!.ToJsonString().Trim('"')).ToArray();
    }

    [RequiresPostgresFact]
    public async Task Statuses_sort_in_declaration_order_both_ways()
    {
        var ascending = await OrderFieldAsync("status", order: new[] { new { status = "ASC" } });
        var descending = await OrderFieldAsync("status", order: new[] { new { status = "DESC" } });

        Assert.Equal(["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"], ascending);
        Assert.Equal(ascending.Reverse(), descending);
    }

    [RequiresPostgresFact]
    public async Task Status_filters_use_enum_values()
    {
        var statuses = await OrderFieldAsync("status", where: new { status = new { @in = new[] { "PAID", "CANCELLED" } } });

        Assert.Equal(["PAID", "CANCELLED"], statuses);
    }

    [RequiresPostgresFact]
    public async Task Money_filters_and_sorts_are_exact()
    {
        // Totals: 138.99, 329.00, 228.97, 24.50, 398.00 (in creation order).
        var totals = await OrderFieldAsync(
            "total", where: new { total = new { gte = 138.99m, nlt = 24.51m, lt = 398 } }, order: new[] { new { total = "DESC" } });
        var exact = await OrderFieldAsync("total", where: new { total = new { @in = new[] { 228.97m, 24.5m, 24.49m } } });

        Assert.Equal(["329.00", "228.97", "138.99"], totals);
        Assert.Equal(["228.97", "24.50"], exact);
    }

    [RequiresPostgresFact]
    public async Task Product_prices_filter_and_sort_on_both_providers()
    {
        var response = await _both.PostToBothAsync(
            f => f.Anonymous,
            """{ products(where: { price: { ngt: 199.00, neq: 9.99 } }, order: [{ price: DESC }, { stock: ASC }]) { nodes { sku price } } }""");

        Assert.Equal(
            """[{"sku":"HD-005","price":199.00},{"sku":"KB-001","price":89.99},{"sku":"MS-002","price":24.50}]""",
            response.Data!["products"]!["nodes"]!.ToJsonString());
    }

    [RequiresPostgresFact]
    public async Task DateTime_filters_compare_instants_to_the_millisecond()
    {
        // Orders were created at 12:20, 12:21, 12:22, 12:23 and 12:24 on 2026-01-01 (UTC).
        var after = await OrderFieldAsync("createdAt", where: new { createdAt = new { gt = "2026-01-01T12:22:00.000Z" } });
        var exact = await OrderFieldAsync("createdAt", where: new { createdAt = new { eq = "2026-01-01T12:21:00.000Z" } });
        var almost = await OrderFieldAsync("createdAt", where: new { createdAt = new { lte = "2026-01-01T12:20:59.999Z", ngte = "2026-01-01T12:20:00.001Z" } });

        Assert.Equal(["2026-01-01T12:23:00.000Z", "2026-01-01T12:24:00.000Z"], after);
        Assert.Equal(["2026-01-01T12:21:00.000Z"], exact);
        Assert.Equal(["2026-01-01T12:20:00.000Z"], almost);
    }

    [RequiresPostgresFact]
    public async Task Usernames_sort_by_code_point_on_both_providers()
    {
        var response = await _both.PostToBothAsync(
            f => f.Admin, "{ users(order: [{ username: ASC }]) { nodes { username } } }");

        // Binary order: upper case before lower case, as SQLite compares text.
        Assert.Equal(
            """[{"username":"Alice"},{"username":"admin"},{"username":"bob"}]""",
            response.Data!["users"]!["nodes"]!.ToJsonString());
    }
}
