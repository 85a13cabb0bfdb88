using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Hosting;

/// <summary>A thin GraphQL-over-HTTP client for tests: POST a document, read the JSON back.</summary>
public sealed class GraphQLTestClient(HttpClient http, string? token)
{
    public HttpClient Http => http;

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, body);
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, string Body)
{
    private JsonNode? _json;

    public JsonNode Json => _json ??= JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body");

    public JsonNode? Data => Json["data"];

    public JsonArray Errors => Json["errors"]?.AsArray() ?? [];

    public IReadOnlyList<string?> ErrorCodes =>
        Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToArray();

    /// <summary>Fails with the whole body when the response has errors: makes failures readable.</summary>
    public GraphQLResponse AssertNoErrors()
    {
        Assert.True(Errors.Count == 0, "Unexpected errors: " + Body);
        Assert.Equal(HttpStatusCode.OK, Status);
        return this;
    }

    public override string ToString() => Body;

    public static string Pretty(JsonNode? node) =>
        node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
}
