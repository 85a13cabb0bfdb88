using System.Net;
using GraphApi.Server.Tests.Http.TinyServer;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Http;

public sealed class MediaTypeNegotiationTests(TinyHostFixture host) : IClassFixture<TinyHostFixture>
{
    [Theory]
    [InlineData(null, HttpExchange.Json)]
    [InlineData("application/json", HttpExchange.Json)]
    [InlineData("application/graphql-response+json", HttpExchange.GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json", HttpExchange.GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", HttpExchange.Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.5", HttpExchange.GraphQLResponseJson)]
    [InlineData("*/*", HttpExchange.Json)]
    [InlineData("application/*", HttpExchange.Json)]
    [InlineData("text/plain, */*;q=0.1", HttpExchange.Json)]
    public async Task Accept_header_selects_the_response_media_type(string? accept, string expectedMediaType)
    {
        var exchange = await HttpExchange.PostQueryAsync(host.Client, "{ hello }", accept);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(expectedMediaType, exchange.MediaType);
        Assert.Equal("utf-8", exchange.Charset);
        Assert.Equal("Hello, world!", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/html")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    public async Task Accept_header_without_a_supported_type_is_406(string accept)
    {
        var exchange = await HttpExchange.PostQueryAsync(host.Client, "{ hello }", accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, exchange.Status);
        Assert.Equal("NOT_ACCEPTABLE", exchange.FirstErrorCode);
    }

    [Fact]
    public async Task Query_answer_with_graphql_response_json()
    {
        var exchange = await HttpExchange.PostAsync(
            host.Client, """{"query":"query Greet($n: String) { hello(name: $n) }","variables":{"n":"Ada"}}""",
            accept: HttpExchange.GraphQLResponseJson);

        Snapshot.Match(exchange.ToSnapshot());
    }
}
