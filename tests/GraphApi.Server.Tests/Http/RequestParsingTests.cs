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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_arriving_in_parts_on_kestrel_is_read_whole_or_refused_at_the_limit(bool withContentLength)
    {
        // 300 KB in 12 flushed parts: more than a pipe buffers before it asks its reader to consume.
        await using var server = await TinyGraphQLHost.StartAsync(useKestrel: true, configure: o => o.MaxRequestBodyBytes = 400_000);
        using var client = new HttpClient { BaseAddress = server.Address };
        var name = new string('x', 300_000);
        var body = $$$"""{"query":"query($n: String!) { hello(name: $n) }","variables":{"n":"{{{name}}}"}}""";
        var tooLong = $$$"""{"query":"{ hello }","variables":{"n":"{{{new string('y', 400_001)}}}"}}""";

        var served = await HttpExchange.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ChunkedJsonContent(body, parts: 12, withContentLength),
        });
        var refused = await HttpExchange.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ChunkedJsonContent(tooLong, parts: 12, withContentLength),
        });

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal($"Hello, {name}!", served.Parsed["data"]!["hello"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal("REQUEST_TOO_LARGE", refused.FirstErrorCode);
    }

    /// <summary>
    /// Content without a Content-Length (unless asked), so the server must count bytes itself. With <c>parts</c>
    /// above 1, the body is written in flushed parts a moment apart, so they arrive apart.
    /// </summary>
    private sealed class ChunkedJsonContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _parts;
        private readonly bool _withContentLength;

        public ChunkedJsonContent(string json, int parts = 1, bool withContentLength = false)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            _parts = parts;
            _withContentLength = withContentLength;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var size = (_bytes.Length + _parts - 1) / _parts;
            for (var offset = 0; offset < _bytes.Length; offset += size)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(size, _bytes.Length - offset)));
                await stream.FlushAsync();
                if (_parts > 1)
                {
                    await Task.Delay(5); // not a wait for a signal: it only keeps the parts from coalescing
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _withContentLength ? _bytes.Length : 0;
            return _withContentLength;
        }
    }
}
