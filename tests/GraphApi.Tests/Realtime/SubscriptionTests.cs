using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Realtime;

/// <summary>Order subscriptions end to end: real mutations over HTTP, events over a real socket.</summary>
public sealed class SubscriptionTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string StatusChanged = """
        subscription($id: ID!) { orderStatusChanged(orderId: $id) { previousStatus status changedAt order { id status total } } }
        """;

    private const string Events = "subscription { orderEvents { kind previousStatus status order { id status customer { username } } } }";

    private string Id(int orderId) => GlobalId.Encode("Order", orderId);

    [Fact]
    public async Task An_admin_status_change_reaches_the_customers_subscription()
    {
        var order = fixture.Data.AliceOrders[0]; // PENDING
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.Order(order.Id), 0); // an earlier test's subscription is gone
        await using var alice = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs);
        await alice.InitAsync(fixture.Factory.TokenFor(fixture.Data.Alice));
        await alice.SendAsync(new { id = "1", type = "subscribe", payload = new { query = StatusChanged, variables = new { id = Id(order.Id) } } });
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.Order(order.Id), 1);

        var update = await fixture.Admin.PostAsync(
            "mutation($id: ID!) { updateOrderStatus(input: { orderId: $id, status: PAID }) { order { status } errors { __typename } } }",
            new { id = Id(order.Id) });
        update.AssertNoErrors();

        var next = await alice.ReceiveAsync("next");
        var change = next["payload"]!["data"]!["orderStatusChanged"]!;
        Assert.Equal("1", next["id"]!.GetValue<string>());
        Assert.Equal("PENDING", change["previousStatus"]!.GetValue<string>());
        Assert.Equal("PAID", change["status"]!.GetValue<string>());
        Assert.Equal("PAID", change["order"]!["status"]!.GetValue<string>());
        Assert.Equal(Id(order.Id), change["order"]!["id"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", change["changedAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(GraphQLWebSocketClient.TransportWs)]
    [InlineData(GraphQLWebSocketClient.LegacyWs)]
    public async Task An_admin_dashboard_sees_placements_over_both_protocols(string protocol)
    {
        var legacy = protocol == GraphQLWebSocketClient.LegacyWs;
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 0); // an earlier test's subscription is gone
        await using var admin = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, protocol);
        await admin.InitAsync(fixture.Factory.TokenFor(fixture.Data.Admin));
        await admin.SendAsync(new { id = "d", type = legacy ? "start" : "subscribe", payload = new { query = Events } });
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 1);

        var placed = await fixture.Bob.PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 1 }] }) { order { id } errors { __typename } } }",
            new { p = GlobalId.Encode("Product", fixture.Data.Products[1].Id) });
        placed.AssertNoErrors();

        var message = await admin.ReceiveAsync(legacy ? "data" : "next");
        var orderEvent = message["payload"]!["data"]!["orderEvents"]!;
        Assert.Equal("PLACED", orderEvent["kind"]!.GetValue<string>());
        Assert.Null(orderEvent["previousStatus"]);
        Assert.Equal("PENDING", orderEvent["status"]!.GetValue<string>());
        Assert.Equal("bob", orderEvent["order"]!["customer"]!["username"]!.GetValue<string>());
        Assert.Equal(placed.Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>(), orderEvent["order"]!["id"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> DeniedSubscriptions => new()
    {
        // who, subscription, expected code
        { "anonymous", "events", "AUTH_NOT_AUTHENTICATED" },
        { "bob", "events", "AUTH_NOT_AUTHORIZED" },
        { "anonymous", "alice-order", "AUTH_NOT_AUTHENTICATED" },
        { "bob", "alice-order", "AUTH_NOT_AUTHORIZED" },
        { "bob", "missing-order", "AUTH_NOT_AUTHORIZED" },
        { "admin", "missing-order", "NOT_FOUND" },
    };

    [Theory]
    [MemberData(nameof(DeniedSubscriptions))]
    public async Task A_denied_subscription_answers_an_error_and_the_socket_stays_open(string who, string what, string code)
    {
        var token = who switch
        {
            "bob" => fixture.Factory.TokenFor(fixture.Data.Bob),
            "admin" => fixture.Factory.TokenFor(fixture.Data.Admin),
            _ => null,
        };
        var (query, variables) = what switch
        {
            "events" => (Events, (object?)null),
            "alice-order" => (StatusChanged, new { id = Id(fixture.Data.AliceOrders[1].Id) }),
            _ => (StatusChanged, (object?)new { id = Id(987_654) }),
        };
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs);
        await socket.InitAsync(token);

        await socket.SendAsync(new { id = "x", type = "subscribe", payload = new { query, variables } });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(code, error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await socket.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ products(first: 1) { totalCount } }" } });
        Assert.Equal("q", (await socket.ReceiveAsync("next"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_token_in_connection_init_closes_4403()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs);

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not.a.token" } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_bad_token_on_the_upgrade_request_closes_4403()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs, upgradeToken: "garbage");

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task The_legacy_protocol_answers_a_bad_token_with_connection_error_then_4403()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.LegacyWs);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer nope" } });

        await socket.ReceiveAsync("connection_error");
        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_subscription_over_plain_http_is_refused_before_it_starts()
    {
        var response = await fixture.Admin.PostAsync(Events);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Equal(["STREAMING_TRANSPORT_REQUIRED"], response.ErrorCodes);
    }
}
