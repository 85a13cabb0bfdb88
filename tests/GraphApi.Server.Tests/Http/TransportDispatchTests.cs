using System.Net;
using GraphApi.Server.Http;
using GraphApi.Server.Tests.Http.TinyServer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Http;

public sealed class TransportDispatchTests
{
    [Fact]
    public async Task A_registered_transport_takes_the_requests_it_claims()
    {
        await using var host = await TinyGraphQLHost.StartAsync(configureServices: s => s.AddSingleton<IGraphQLTransport, EventStreamTransport>());
        var client = host.CreateClient();

        var claimed = await HttpExchange.PostQueryAsync(client, "{ hello }", "text/event-stream");
        var ordinary = await HttpExchange.PostQueryAsync(client, "{ hello }", HttpExchange.Json);

        Assert.Equal(EventStreamTransport.Answer, claimed.Body);
        Assert.Equal("Hello, world!", ordinary.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebSocket_upgrade_without_a_transport_is_400()
    {
        await using var host = await TinyGraphQLHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Connection", "Upgrade");

        var exchange = await HttpExchange.SendAsync(host.CreateClient(), request);

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Contains("WebSocket", exchange.Body);
    }

    [Fact]
    public async Task Browser_get_without_a_query_is_404_until_an_ide_is_registered()
    {
        await using var host = await TinyGraphQLHost.StartAsync();

        var exchange = await HttpExchange.GetAsync(host.CreateClient(), "/graphql", "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.NotFound, exchange.Status);
        Assert.Equal("text/plain", exchange.MediaType);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Unexpected_middleware_exceptions_are_logged_and_answered_as_a_graphql_error(string environment, bool detailsExposed)
    {
        await using var host = await TinyGraphQLHost.StartAsync(environment, configureServices: s => s.AddSingleton<IGraphQLTransport, ThrowingTransport>());

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ hello }");

        Assert.Equal(HttpStatusCode.InternalServerError, exchange.Status);
        Assert.Equal(HttpExchange.Json, exchange.MediaType);
        Assert.Equal("UNEXPECTED_EXECUTION_ERROR", exchange.FirstErrorCode);
        Assert.Equal(detailsExposed, exchange.Body.Contains(ThrowingTransport.Detail, StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == ThrowingTransport.Detail);
    }

    private sealed class EventStreamTransport : IGraphQLTransport
    {
        public const string Answer = "event stream transport";

        public bool CanHandle(HttpContext context) => context.Request.Headers.Accept.ToString().Contains("text/event-stream");

        public Task HandleAsync(HttpContext context) => context.Response.WriteAsync(Answer);
    }

    private sealed class ThrowingTransport : IGraphQLTransport
    {
        public const string Detail = "transport exploded with a secret";

        public bool CanHandle(HttpContext context) => true;

        public Task HandleAsync(HttpContext context) => throw new InvalidOperationException(Detail);
    }
}
