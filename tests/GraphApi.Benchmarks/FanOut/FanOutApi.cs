using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>The HTTP side of the benchmark: log in as the bootstrapped admin, place orders.</summary>
internal sealed class FanOutApi(HttpClient http)
{
    public string Token { get; private set; } = "";

    public async Task LoginAsync(CancellationToken ct)
    {
        var data = await PostAsync(
            "mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { token errors { __typename } } }",
            new { u = FanOutServer.AdminUsername, p = FanOutServer.AdminPassword },
            ct);
        Token = data["login"]?["token"]?.GetValue<string>() ?? throw new InvalidOperationException($"Login failed: {data.ToJsonString()}");
    }

    /// <summary>Products with plenty of stock (over 100 each), so every order of the run, warm-up included, can take one.</summary>
    public async Task<string[]> StockedProductsAsync(CancellationToken ct)
    {
        var products = await PostAsync("{ products(first: 20, where: { stock: { gt: 100 } }) { nodes { id } } }", new { }, ct);
        var ids = products["products"]!["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>()).ToArray();
        return ids.Length > 0 ? ids : throw new InvalidOperationException("The sample data has no product with more than 100 in stock.");
    }

    /// <summary>Places a new order of one item (the admin's own): one PLACED event to every dashboard.</summary>
    public async Task PlaceOrderAsync(string productId, CancellationToken ct)
    {
        var placed = await PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 1 }] }) { order { id } errors { __typename } } }",
            new { p = productId },
            ct);
        if (placed["placeOrder"]?["order"]?["id"] is null)
        {
            throw new InvalidOperationException($"placeOrder failed: {placed.ToJsonString()}");
        }
    }

    private async Task<JsonNode> PostAsync(string query, object variables, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (Token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        using var response = await http.SendAsync(request, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        if (body?["errors"] is not null || body?["data"] is not JsonNode data)
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body?.ToJsonString()}");
        }

        return data;
    }
}
