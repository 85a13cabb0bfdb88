using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// What the write scenario needs from the seeded server: every product's global ID (restocked first, so that
/// thousands of orders never run out) and every customer's key and name (to mint their tokens).
/// </summary>
internal sealed record LoadData(IReadOnlyList<string> ProductIds, IReadOnlyList<(int Id, string Username)> Customers)
{
    private const int MaxStock = 1_000_000; // the app's ProductRules.MaxStock

    public static async Task<LoadData> PrepareAsync(HttpClient http, string adminToken)
    {
        var products = await PagesAsync(http, adminToken, "products", "id stock");
        foreach (var product in products.Where(p => (int)p["stock"]! < MaxStock))
        {
            var restock = await PostAsync(http, adminToken,
                "mutation($id: ID!, $q: Int!) { restockProduct(input: { productId: $id, quantity: $q }) { product { stock } } }",
                new { id = (string)product["id"]!, q = MaxStock - (int)product["stock"]! });
            if ((int?)restock["restockProduct"]?["product"]?["stock"] != MaxStock)
            {
                throw new InvalidOperationException($"Restocking failed: {restock.ToJsonString()}");
            }
        }

        var users = await PagesAsync(http, adminToken, "users", "id username role");
        var customers = users
            .Where(u => (string?)u["role"] == "CUSTOMER")
            .Select(u => (Key((string)u["id"]!), (string)u["username"]!))
            .ToList();
        return new LoadData(products.Select(p => (string)p["id"]!).ToList(), customers);
    }

    /// <summary>The integer key inside a global ID (base64 of <c>Type:key</c>).</summary>
    private static int Key(string globalId) =>
        int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<JsonNode>> PagesAsync(HttpClient http, string token, string field, string selection)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        do
        {
            var data = await PostAsync(http, token,
                $"query($after: String) {{ {field}(first: 50, after: $after) {{ nodes {{ {selection} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after });
            var page = data[field]!;
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        return nodes;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string token, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["errors"] is null && body["data"] is { } data
            ? data
            : throw new InvalidOperationException($"Load data setup failed: {body.ToJsonString()}");
    }
}
