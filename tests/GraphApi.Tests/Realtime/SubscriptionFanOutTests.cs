using System.Security.Claims;
using GraphApi.Auth;
using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Realtime;

/// <summary>
/// Shared subscription results (fan-out) keep every subscriber's access as strict as executing alone: who may
/// share with whom (<see cref="SubscriptionAudience"/>), and customers and admins on one document end to end.
/// </summary>
public sealed class SubscriptionFanOutTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string StatusChanged = """
        subscription($id: ID!) { orderStatusChanged(orderId: $id) { status order { id status total customer { username email } } } }
        """;

    [Fact]
    public void Admins_share_by_role_whoever_they_are()
    {
        Assert.Equal(SubscriptionAudience.Of(Token(1, "root", AppClaims.AdminRole)), SubscriptionAudience.Of(Token(2, "ops", AppClaims.AdminRole)));
    }

    [Fact]
    public void Two_tokens_of_one_customer_share_but_two_customers_never_do()
    {
        Assert.Equal(SubscriptionAudience.Of(Token(5, "alice", AppClaims.CustomerRole)), SubscriptionAudience.Of(Token(5, "alice", AppClaims.CustomerRole)));
        Assert.NotEqual(SubscriptionAudience.Of(Token(5, "alice", AppClaims.CustomerRole)), SubscriptionAudience.Of(Token(6, "bob", AppClaims.CustomerRole)));
    }

    [Fact]
    public void A_customer_never_shares_with_an_admin_or_an_anonymous_caller()
    {
        var customer = SubscriptionAudience.Of(Token(1, "root", AppClaims.CustomerRole));

        Assert.NotEqual(customer, SubscriptionAudience.Of(Token(1, "root", AppClaims.AdminRole)));
        Assert.NotEqual(customer, SubscriptionAudience.Of(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public async Task On_one_document_the_admin_and_the_owner_get_the_order_and_another_customer_gets_nothing()
    {
        var placed = await fixture.Alice.PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 1 }] }) { order { id } errors { __typename } } }",
            new { p = GlobalId.Encode("Product", fixture.Data.Products[1].Id) });
        placed.AssertNoErrors();
        var orderId = placed.Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>();
        var subscribe = new { id = "s", type = "subscribe", payload = new { query = StatusChanged, variables = new { id = orderId } } };
        await using var admin = await ConnectAsync(fixture.Data.Admin);
        await using var alice = await ConnectAsync(fixture.Data.Alice);
        await using var bob = await ConnectAsync(fixture.Data.Bob);
        await admin.SendAsync(subscribe);
        await alice.SendAsync(subscribe);
        await bob.SendAsync(subscribe);
        var refused = await bob.ReceiveAsync("error");
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.Order(GlobalId.Parse<int>(orderId, "Order")), 2);

        var update = await fixture.Admin.PostAsync(
            "mutation($id: ID!) { updateOrderStatus(input: { orderId: $id, status: PAID }) { errors { __typename } } }", new { id = orderId });
        update.AssertNoErrors();
        var toAdmin = (await admin.ReceiveAsync("next"))["payload"]!;
        var toAlice = (await alice.ReceiveAsync("next"))["payload"]!;
        await bob.SendAsync(new { type = "ping" });

        Assert.Equal("AUTH_NOT_AUTHORIZED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(orderId, toAdmin["data"]!["orderStatusChanged"]!["order"]!["id"]!.GetValue<string>());
        Assert.Equal(toAdmin.ToJsonString(), toAlice.ToJsonString()); // the owner and the admin both see all of it
        Assert.Null(toAlice["errors"]);
        await bob.ReceiveAsync("pong"); // fails on any next that reached bob before it
    }

    private async Task<GraphQLWebSocketClient> ConnectAsync(GraphApi.Users.User user)
    {
        var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs);
        await socket.InitAsync(fixture.Factory.TokenFor(user));
        return socket;
    }

    /// <summary>A principal as the JWT bearer handler builds it from one of our tokens (a fresh jti and lifetime each time).</summary>
    private static ClaimsPrincipal Token(int userId, string username, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(AppClaims.Subject, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(AppClaims.Username, username),
                new Claim(AppClaims.Role, role),
                new Claim("jti", Guid.NewGuid().ToString("N")),
                new Claim("iat", now),
                new Claim("nbf", now),
                new Claim("exp", now + "0"),
                new Claim("iss", "graphapi"),
            ],
            authenticationType: "AuthenticationTypes.Federation",
            nameType: AppClaims.Username,
            roleType: AppClaims.Role));
    }
}
