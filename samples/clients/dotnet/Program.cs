// GraphApi sample client: logs in as a customer, places an order, subscribes to its status over
// graphql-transport-ws, then — as the admin — marks the order PAID and exits 0 once the subscription
// has delivered that change.
//
//   dotnet run --project samples/clients/dotnet -- [url] [customer] [customerPassword] [admin] [adminPassword]
//
// Each argument falls back to an environment variable: GRAPHAPI_URL (default http://localhost:5000/graphql),
// GRAPHAPI_CUSTOMER, GRAPHAPI_CUSTOMER_PASSWORD, GRAPHAPI_ADMIN, GRAPHAPI_ADMIN_PASSWORD.
using GraphApi.SampleClient;

string? Setting(int index, string variable) =>
    args.Length > index && args[index].Length > 0 ? args[index] : Environment.GetEnvironmentVariable(variable);

var url = new Uri(Setting(0, "GRAPHAPI_URL") ?? "http://localhost:5000/graphql");
var settings = new[]
{
    ("customer", Setting(1, "GRAPHAPI_CUSTOMER")),
    ("customer password", Setting(2, "GRAPHAPI_CUSTOMER_PASSWORD")),
    ("admin", Setting(3, "GRAPHAPI_ADMIN")),
    ("admin password", Setting(4, "GRAPHAPI_ADMIN_PASSWORD")),
};
if (settings.FirstOrDefault(setting => string.IsNullOrEmpty(setting.Item2)) is ({ } missing, _))
{
    Console.Error.WriteLine($"Missing {missing}: pass it as an argument or set its GRAPHAPI_* variable.");
    return 2;
}

var (customer, customerPassword, admin, adminPassword) = (settings[0].Item2!, settings[1].Item2!, settings[2].Item2!, settings[3].Item2!);
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
var ct = timeout.Token;
using var http = new HttpClient();
var graphql = new GraphQLHttpClient(http, url);

async Task<string> LoginAsync(string usernameOrEmail, string password)
{
    var data = await graphql.SendAsync(
        "mutation Login($input: LoginInput!) { login(input: $input) { token errors { __typename ... on Error { message } } } }",
        new { input = new { usernameOrEmail, password } }, ct: ct);
    return (string?)data["login"]?["token"]
        ?? throw new InvalidOperationException($"Login of {usernameOrEmail} failed: {data["login"]?["errors"]?.ToJsonString()}");
}

var customerToken = await LoginAsync(customer, customerPassword);
var adminToken = await LoginAsync(admin, adminPassword);
Console.WriteLine($"Logged in as {customer} and {admin}.");

var products = await graphql.SendAsync("query InStock { products(first: 1, where: { stock: { gte: 1 } }) { nodes { id name } } }", ct: ct);
var product = products["products"]?["nodes"]?[0] ?? throw new InvalidOperationException("No product in stock to order.");

var placed = await graphql.SendAsync(
    "mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status total } errors { __typename ... on Error { message } } } }",
    new { input = new { items = new[] { new { productId = (string?)product["id"], quantity = 1 } } } }, customerToken, ct);
var order = placed["placeOrder"]?["order"]
    ?? throw new InvalidOperationException($"placeOrder failed: {placed["placeOrder"]?["errors"]?.ToJsonString()}");
var orderId = (string)order["id"]!;
Console.WriteLine($"Placed order {orderId} for 1 × {product["name"]}: {order["status"]}, total {order["total"]}.");

var socketUrl = new UriBuilder(url) { Scheme = url.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
await using var socket = await TransportWsClient.ConnectAsync(socketUrl, customerToken, ct);
await socket.SubscribeAsync(
    "follow",
    "subscription Follow($orderId: ID!) { orderStatusChanged(orderId: $orderId) { previousStatus status changedAt order { id } } }",
    new { orderId },
    ct);

// The protocol does not acknowledge a subscribe message: give the server a moment to register it.
await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
var updated = await graphql.SendAsync(
    "mutation Pay($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { order { id status } errors { __typename ... on Error { message } } } }",
    new { input = new { orderId, status = "PAID" } }, adminToken, ct);
if (updated["updateOrderStatus"]?["order"] is null)
{
    throw new InvalidOperationException($"updateOrderStatus failed: {updated["updateOrderStatus"]?["errors"]?.ToJsonString()}");
}

var change = (await socket.NextAsync("follow", ct))["orderStatusChanged"]!;
Console.WriteLine($"Order {change["order"]?["id"]} status changed: {change["previousStatus"]} -> {change["status"]} at {change["changedAt"]}");
return 0;
