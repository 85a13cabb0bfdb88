using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Server.Tests.Http.TinyServer;

/// <summary>One request/response pair reduced to what the GraphQL-over-HTTP tests assert on.</summary>
internal sealed record HttpExchange(HttpStatusCode Status, string? MediaType, string? Charset, string Body, HttpResponseMessage Response)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public JsonNode Parsed => JsonNode.Parse(Body)!;

    public string? FirstErrorCode => Parsed["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>Status, media type and parsed body, for snapshots.</summary>
    public object ToSnapshot() => new { Status = (int)Status, MediaType, Body = Newtonsoft.Json.Linq.JToken.Parse(Body) };

    public static Task<HttpExchange> PostAsync(HttpClient client, string body, string? contentType = Json, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(client, request, accept);
    }

    public static Task<HttpExchange> PostQueryAsync(HttpClient client, string query, string? accept = null) =>
        PostAsync(client, new JsonObject { ["query"] = query }.ToJsonString(), accept: accept);

    public static Task<HttpExchange> GetAsync(HttpClient client, string pathAndQuery, string? accept = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, pathAndQuery), accept);

    public static async Task<HttpExchange> SendAsync(HttpClient client, HttpRequestMessage request, string? accept = null)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType;
        return new HttpExchange(response.StatusCode, contentType?.MediaType, contentType?.CharSet, body, response);
    }
}
