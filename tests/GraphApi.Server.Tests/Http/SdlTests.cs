using System.Net;
using GraphApi.Server.Tests.Http.TinyServer;

namespace GraphApi.Server.Tests.Http;

public sealed class SdlTests(TinyHostFixture host) : IClassFixture<TinyHostFixture>
{
    [Fact]
    public async Task Get_sdl_returns_the_schema_as_text_with_applied_directives()
    {
        var exchange = await HttpExchange.GetAsync(host.Client, "/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("text/plain", exchange.MediaType);
        Assert.Contains("type Query {", exchange.Body);
        Assert.Contains("secret: String @authorize(policy: \"Admin\")", exchange.Body);
        Assert.Contains("type Mutation {", exchange.Body);
    }
}
