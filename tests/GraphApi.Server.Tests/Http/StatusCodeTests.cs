using System.Net;
using GraphApi.Server.Tests.Http.TinyServer;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Http;

public sealed class StatusCodeTests(TinyHostFixture host) : IClassFixture<TinyHostFixture>
{
    public static TheoryData<string, string> RequestErrors => new()
    {
        { """{"query":"{ hello "}""", "SYNTAX_ERROR" },
        { """{"query":"{ nope }"}""", "FIELDS_ON_CORRECT_TYPE" },
        { """{"query":"query A { hello } query B { hello }","operationName":"C"}""", "INVALID_OPERATION_NAME" },
        { """{"query":"query($a: Int!) { add(a: $a, b: 1) }","variables":{"a":"x"}}""", "INVALID_VALUE" },
    };

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public async Task Request_errors_are_400_with_graphql_response_json(string body, string code)
    {
        var exchange = await HttpExchange.PostAsync(host.Client, body, accept: HttpExchange.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal(HttpExchange.GraphQLResponseJson, exchange.MediaType);
        Assert.Equal(code, exchange.FirstErrorCode);
        Assert.False(exchange.Parsed.AsObject().ContainsKey("data"));
    }

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public async Task Request_errors_are_200_with_application_json(string body, string code)
    {
        var exchange = await HttpExchange.PostAsync(host.Client, body, accept: HttpExchange.Json);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(code, exchange.FirstErrorCode);
    }

    [Fact]
    public async Task Syntax_error_body()
    {
        var exchange = await HttpExchange.PostQueryAsync(host.Client, "{ hello ", HttpExchange.GraphQLResponseJson);

        Snapshot.Match(exchange.ToSnapshot());
    }

    [Fact]
    public async Task Field_error_with_data_is_200_with_graphql_response_json()
    {
        var exchange = await HttpExchange.PostQueryAsync(host.Client, "{ hello fail }", HttpExchange.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("Hello, world!", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
        Assert.Equal(TinyQuery.DeliberateCode, exchange.FirstErrorCode);
    }

    [Theory]
    [InlineData("/graphql?query=%7B%20hello%20%7D")]
    [InlineData("/graphql?query=query%20G(%24n%3A%20String)%20%7B%20hello(name%3A%20%24n)%20%7D&variables=%7B%22n%22%3A%22Ada%22%7D&operationName=G")]
    public async Task Get_executes_queries(string pathAndQuery)
    {
        var exchange = await HttpExchange.GetAsync(host.Client, pathAndQuery, HttpExchange.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.StartsWith("Hello, ", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/graphql", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&variables=%5B1%5D", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&variables=%7Bbroken", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&extensions=3", "INVALID_REQUEST")]
    public async Task Get_with_bad_parameters_is_400(string pathAndQuery, string code)
    {
        var exchange = await HttpExchange.GetAsync(host.Client, pathAndQuery, HttpExchange.Json);

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal(code, exchange.FirstErrorCode);
    }

    [Theory]
    [InlineData("mutation { echo(text: \"hi\") }", HttpExchange.Json)]
    [InlineData("mutation { echo(text: \"hi\") }", HttpExchange.GraphQLResponseJson)]
    [InlineData("subscription { ticks }", HttpExchange.GraphQLResponseJson)]
    [InlineData("query Q { hello } mutation M { echo(text: \"hi\") }&operationName=M", HttpExchange.Json)]
    public async Task Get_of_a_mutation_or_subscription_is_405_allowing_post(string query, string accept)
    {
        var parts = query.Split("&operationName=");
        var url = "/graphql?query=" + Uri.EscapeDataString(parts[0]) + (parts.Length > 1 ? "&operationName=" + parts[1] : "");

        var exchange = await HttpExchange.GetAsync(host.Client, url, accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, exchange.Status);
        Assert.Equal("POST", exchange.Response.Content.Headers.Allow.Single());
        Assert.Equal("OPERATION_NOT_ALLOWED_OVER_GET", exchange.FirstErrorCode);
    }

    [Fact]
    public async Task Get_selecting_the_query_of_a_mixed_document_runs_it()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q { hello } mutation M { echo(text: \"hi\") }") + "&operationName=Q";

        var exchange = await HttpExchange.GetAsync(host.Client, url);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("Hello, world!", exchange.Parsed["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_runs_mutations()
    {
        var exchange = await HttpExchange.PostQueryAsync(host.Client, "mutation { echo(text: \"hi\") }", HttpExchange.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("hi", exchange.Parsed["data"]!["echo"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405(string method)
    {
        var exchange = await HttpExchange.SendAsync(host.Client, new HttpRequestMessage(new HttpMethod(method), "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, exchange.Status);
        Assert.Equal(["GET", "POST"], exchange.Response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", exchange.FirstErrorCode);
    }
}
