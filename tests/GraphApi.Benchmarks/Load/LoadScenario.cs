using System.Net.Http.Headers;
using System.Text.Json;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// One kind of request the load run repeats; <see cref="Create"/> builds a fresh message per send and
/// <see cref="Succeeded"/> judges a 200 response's body.
/// </summary>
internal sealed record LoadScenario(string Name, Func<HttpRequestMessage> Create, Func<string, bool> Succeeded)
{
    /// <summary>A GraphQL response without a top-level error list (a payload's <c>"errors":null</c> is fine).</summary>
    public static bool HasNoGraphQLErrors(string body) => !body.Contains("\"errors\":[", StringComparison.Ordinal);

    public static LoadScenario Get(string name, string path) =>
        new(name, () => new HttpRequestMessage(HttpMethod.Get, path), _ => true);

    public static LoadScenario GraphQL(string name, string query, string? token = null) =>
        GraphQL(name, () => (query, null, token), HasNoGraphQLErrors);

    /// <summary>A POST to <c>/graphql</c> whose document, variables and bearer token <paramref name="next"/> picks per request.</summary>
    public static LoadScenario GraphQL(
        string name, Func<(string Query, object? Variables, string? Token)> next, Func<string, bool> succeeded) => new(name, () =>
    {
        var (query, variables, token) = next();
        // Serialized up front so the body goes out with a Content-Length, as browsers and GraphQL clients send it
        // (JsonContent streams it chunked, which costs both sides more than real clients do).
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }, succeeded);
}
