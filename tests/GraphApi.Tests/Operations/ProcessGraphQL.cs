using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Operations;

/// <summary>GraphQL over real HTTP to an <see cref="AppProcess"/>, plus the set-up the operations tests share.</summary>
internal static class ProcessGraphQL
{
    public const string AdminUsername = "opsadmin";
    public const string AdminPassword = "ops-admin-password";

    /// <summary>Settings for an instance on PostgreSQL (and Redis when given) with a bootstrapped admin.</summary>
    public static Dictionary<string, string> PostgresSettings(string connectionString, string? redis = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = connectionString.Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal),
            ["Admin:Username"] = AdminUsername,
            ["Admin:Email"] = "opsadmin@example.com",
            ["Admin:Password"] = AdminPassword,
        };
        if (redis is not null)
        {
            settings["Redis:Configuration"] = redis;
        }

        return settings;
    }

    public static async Task<JsonObject> PostAsync(HttpClient client, string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException($"Not a JSON object: {body}");
    }

    public static async Task<string> LoginAdminAsync(HttpClient client)
    {
        var login = await PostAsync(client,
            "mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { token } }",
            new { u = AdminUsername, p = AdminPassword });
        return login["data"]?["login"]?["token"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"Login failed: {login.ToJsonString()}");
    }

    /// <summary>Creates a product and returns its global ID.</summary>
    public static async Task<string> CreateProductAsync(HttpClient client, string token, string sku, int stock)
    {
        var created = await PostAsync(client,
            "mutation($sku: String!, $stock: Int!) { createProduct(input: { sku: $sku, name: $sku, price: 1.50, stock: $stock }) { product { id } errors { __typename } } }",
            new { sku, stock }, token);
        return created["data"]?["createProduct"]?["product"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"createProduct failed: {created.ToJsonString()}");
    }

    public static string PlaceOrder => "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 1 }] }) { order { id } errors { __typename } } }";

    public static string? ErrorsOf(JsonObject response) =>
        response["errors"] is JsonArray { Count: > 0 } errors ? errors.ToJsonString(new JsonSerializerOptions()) : null;
}
