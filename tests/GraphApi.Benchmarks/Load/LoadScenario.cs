using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GraphApi.Benchmarks.Load;

/// <summary>One kind of request the load run repeats; <see cref="Create"/> builds a fresh message per send.</summary>
internal sealed record LoadScenario(string Name, Func<HttpRequestMessage> Create)
{
    public static LoadScenario Get(string name, string path) => new(name, () => new HttpRequestMessage(HttpMethod.Get, path));

    public static LoadScenario GraphQL(string name, string query, string? token = null) => new(name, () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    });
}
