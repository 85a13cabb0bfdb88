using System.Net;
using System.Text;
using GraphApi.Server.Tests.Http.TinyServer;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Http;

public sealed class RequestParsingTests(TinyHostFixture host) : IClassFixture<TinyHostFixture>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        var exchange = await HttpExchange.PostAsync(host.Client, """{"query":"{ hello }"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("Hello, world!", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Other_content_types_are_415(string? contentType)
    {
        var exchange = await HttpExchange.PostAsync(host.Client, """{"query":"{ hello }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exchange.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", exchange.FirstErrorCode);
    }

    [Theory]
    [InlineData("", "INVALID_JSON", "application/json")]
    [InlineData("{ not json", "INVALID_JSON", "application/json")]
    [InlineData("{ not json", "INVALID_JSON", "application/graphql-response+json")]
    [InlineData("\"{ hello }\"", "INVALID_REQUEST", "application/json")]
    [InlineData("42", "INVALID_REQUEST", "application/json")]
    [InlineData("[{\"query\":\"{ hello }\"}]", "BATCHING_NOT_SUPPORTED", "application/json")]
    [InlineData("{}", "INVALID_REQUEST", "application/json")]
    [InlineData("{\"query\":null}", "INVALID_REQUEST", "application/graphql-response+json")]
    [InlineData("{\"query\":7}", "INVALID_REQUEST", "application/json")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"{}\"}", "INVALID_REQUEST", "application/json")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[1]}", "INVALID_REQUEST", "application/json")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":5}", "INVALID_REQUEST", "application/json")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":3}", "INVALID_REQUEST", "application/json")]
    public async Task Malformed_requests_are_400_with_a_graphql_error(string body, string code, string accept)
    {
        var exchange = await HttpExchange.PostAsync(host.Client, body, accept: accept);

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal(accept, exchange.MediaType);
        Assert.Equal(code, exchange.FirstErrorCode);
        Assert.Null(exchange.Parsed["data"]);
    }

    [Fact]
    public async Task Missing_query_error_body()
    {
        var exchange = await HttpExchange.PostAsync(host.Client, """{"variables":{}}""");

        Snapshot.Match(exchange.ToSnapshot());
    }

    [Fact]
    public async Task Null_variables_and_operation_name_are_allowed()
    {
        var exchange = await HttpExchange.PostAsync(
            host.Client, """{"query":"{ hello }","variables":null,"operationName":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("Hello, world!", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_with_or_without_content_length()
    {
        await using var small = await TinyGraphQLHost.StartAsync(configure: o => o.MaxRequestBodyBytes = 64);
        var client = small.CreateClient();
        var body = $$"""{"query":"{ hello(name: \"{{new string('x', 100)}}\") }"}""";

        var withLength = await HttpExchange.PostAsync(client, body);
        var chunked = await HttpExchange.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ChunkedJsonContent(body),
        });
        var fits = await HttpExchange.PostAsync(client, """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.Status);
        Assert.Equal("REQUEST_TOO_LARGE", withLength.FirstErrorCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.Status);
        Assert.Equal(HttpStatusCode.OK, fits.Status);
    }

    [Fact]
    public async Task A_get_query_string_over_the_limit_is_414()
    {
        await using var small = await TinyGraphQLHost.StartAsync(configure: o => o.MaxRequestBodyBytes = 64);
        var client = small.CreateClient();
        var tooLong = "/graphql?query=" + Uri.EscapeDataString($"{{ hello(name: \"{new string('x', 60)}\") }}");
        var fits = "/graphql?query=" + Uri.EscapeDataString("{ hello }");

        var refused = await HttpExchange.GetAsync(client, tooLong);
        var served = await HttpExchange.GetAsync(client, fits);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, refused.Status);
        Assert.Equal("REQUEST_TOO_LARGE", refused.FirstErrorCode);
        Assert.Equal(HttpStatusCode.OK, served.Status);
    }

    /// <summary>Content without a Content-Length, so the server must count bytes itself.</summary>
    private sealed class ChunkedJsonContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJsonContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
