using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Orders;

public sealed class OrderQueryTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string OrdersQuery = """
        query($where: OrderFilterInput, $order: [OrderSortInput!]) {
          orders(where: $where, order: $order) {
            totalCount
            nodes { status total customer { username } items { quantity unitPrice lineTotal product { sku } } }
          }
        }
        """;

    [Fact]
    public async Task Admin_sees_every_order()
    {
        var response = await fixture.Admin.PostAsync(OrdersQuery);

        response.AssertNoErrors();
        Assert.Equal(5, response.Data!["orders"]!["totalCount"]!.GetValue<int>());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_orders()
    {
        var response = await fixture.Bob.PostAsync(OrdersQuery);

        response.AssertNoErrors();
        var customers = response.Data!["orders"]!["nodes"]!.AsArray().Select(o => o!["customer"]!["username"]!.GetValue<string>());
        Assert.Equal(["bob", "bob"], customers);
        Assert.Equal(2, response.Data!["orders"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Orders_filter_by_status_and_sort_by_enum_declaration_order()
    {
        var response = await fixture.Admin.PostAsync(OrdersQuery, new
        {
            where = new { status = new { nin = new[] { "CANCELLED" } }, total = new { lt = 500 } },
            order = new object[] { new { status = "DESC" } },
        });

        response.AssertNoErrors();
        var statuses = response.Data!["orders"]!["nodes"]!.AsArray().Select(o => o!["status"]!.GetValue<string>());
        Assert.Equal(["DELIVERED", "SHIPPED", "PAID", "PENDING"], statuses);
    }

    [Fact]
    public async Task Anonymous_callers_get_AUTH_NOT_AUTHENTICATED_and_null()
    {
        var response = await fixture.Anonymous.PostAsync("{ orders { totalCount } products(first: 1) { totalCount } }");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data!["orders"]);
        Assert.NotNull(response.Data!["products"]);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task OrderById_answers_the_owner_and_admins()
    {
        var id = GlobalId.Encode("Order", fixture.Data.AliceOrders[0].Id);
        const string query = "query($id: ID!) { orderById(id: $id) { id status total } }";

        var asOwner = await fixture.Alice.PostAsync(query, new { id });
        var asAdmin = await fixture.Admin.PostAsync(query, new { id });

        asOwner.AssertNoErrors();
        asAdmin.AssertNoErrors();
        Assert.Equal(id, asOwner.Data!["orderById"]!["id"]!.GetValue<string>());
        Assert.Equal(asOwner.Body, asAdmin.Body);
    }

    [Fact]
    public async Task OrderById_of_someone_elses_order_is_null_with_AUTH_NOT_AUTHORIZED()
    {
        var id = GlobalId.Encode("Order", fixture.Data.AliceOrders[0].Id);

        var response = await fixture.Bob.PostAsync("query($id: ID!) { orderById(id: $id) { status } }", new { id });

        Assert.Null(response.Data!["orderById"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Equal("orderById", response.Errors[0]!["path"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task OrderById_of_a_missing_order_is_null_without_errors()
    {
        var response = await fixture.Bob.PostAsync(
            "query($id: ID!) { orderById(id: $id) { status } }", new { id = GlobalId.Encode("Order", 424242) });

        response.AssertNoErrors();
        Assert.Null(response.Data!["orderById"]);
    }
}
