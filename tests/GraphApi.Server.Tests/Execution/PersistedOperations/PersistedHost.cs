using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution.PersistedOperations;
using GraphApi.Server.Tests.WebSockets.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Execution.PersistedOperations;

/// <summary>
/// The realtime schema (HTTP, WebSocket, SSE on Kestrel) with persisted operations, plus a trusted-documents directory
/// holding <see cref="Hello"/> and <see cref="Events"/> under their hashes.
/// </summary>
internal sealed class PersistedHost : IAsyncDisposable
{
    public const string Hello = "query Hello { hello }";
    public const string Events = "subscription Events { events }";

    private PersistedHost(RealtimeHost host, DirectoryInfo directory)
    {
        Realtime = host;
        Directory = directory;
    }

    public RealtimeHost Realtime { get; }

    public DirectoryInfo Directory { get; }

    public HttpClient Http { get; } = new();

    public static string HelloId => DocumentHash.Of(Hello);

    public static string EventsId => DocumentHash.Of(Events);

    public static async Task<PersistedHost> StartAsync(
        Action<PersistedOperationOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("graphapi-persisted-");
        foreach (var document in (string[])[Hello, Events])
        {
            File.WriteAllText(Path.Combine(directory.FullName, DocumentHash.Of(document) + ".graphql"), document);
        }

        var host = await RealtimeHost.StartAsync(configureServices: services =>
        {
            services.AddPersistedOperations(options =>
            {
                options.Directory = directory.FullName;
                configure?.Invoke(options);
            });
            configureServices?.Invoke(services);
        });
        return new PersistedHost(host, directory);
    }

    public Task<Answer> PostAsync(JsonObject body, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Realtime.HttpAddress)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd(accept);
        return SendAsync(request);
    }

    public Task<Answer> GetAsync(string queryString, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Realtime.HttpAddress, "?" + queryString));
        request.Headers.Accept.ParseAdd(accept);
        return SendAsync(request);
    }

    public static JsonObject Apq(string hash, string? query = null)
    {
        var body = new JsonObject
        {
            ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } },
        };
        if (query is not null)
        {
            body["query"] = query;
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Realtime.DisposeAsync();
        Directory.Delete(recursive: true);
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An HTTP answer reduced to what these tests assert on.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string? Code => Json["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

        public string? Hello => Json["data"]?["hello"]?.GetValue<string>();

        public object ToSnapshot() => new { Status = (int)Status, Body = Newtonsoft.Json.Linq.JToken.Parse(Body) };
    }
}
