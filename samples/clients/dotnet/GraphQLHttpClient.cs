using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GraphApi.SampleClient;

/// <summary>GraphQL over HTTP with a plain <see cref="HttpClient"/>: POST JSON, answer <c>data</c> or throw on errors.</summary>
internal sealed class GraphQLHttpClient(HttpClient http, Uri endpoint)
{
    public async Task<JsonNode> SendAsync(string query, object? variables = null, string? token = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"GraphQL errors: {errors.ToJsonString()}");
        }

        return body["data"] ?? throw new InvalidOperationException($"No data in the response ({(int)response.StatusCode}).");
    }
}
