using System.Net;
using GraphApi.Server.Tests.Http.TinyServer;
using Microsoft.Extensions.Logging;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Http;

public sealed class ErrorMaskingTests
{
    [Fact]
    public async Task Production_masks_unexpected_exceptions_and_logs_them_with_the_trace_id()
    {
        await using var host = await TinyGraphQLHost.StartAsync("Production");

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ hello boom }", HttpExchange.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.DoesNotContain("kaboom", exchange.Body);
        Assert.DoesNotContain("InvalidOperationException", exchange.Body);
        var traceId = exchange.Parsed["errors"]![0]!["extensions"]!["traceId"]!.GetValue<string>();
        var logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains(traceId, logged.Message);
        Snapshot.Match(exchange.ToSnapshot(), o => o.IgnoreField("Body.errors[0].extensions.traceId"));
    }

    [Fact]
    public async Task Development_exposes_the_exception_details()
    {
        await using var host = await TinyGraphQLHost.StartAsync("Development");

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ boom }", HttpExchange.GraphQLResponseJson);

        var error = exchange.Parsed["errors"]![0]!;
        Assert.Equal(TinyQuery.SecretDetail, error["message"]!.GetValue<string>());
        Assert.Equal("UNEXPECTED_EXECUTION_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("InvalidOperationException", error["extensions"]!["details"]!.GetValue<string>());
        Assert.NotNull(error["extensions"]!["traceId"]);
    }

    [Fact]
    public async Task Explicit_option_overrides_the_environment()
    {
        await using var host = await TinyGraphQLHost.StartAsync("Development", o => o.ExposeExceptionDetails = false);

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ boom }");

        Assert.Equal("Unexpected Execution Error", exchange.Parsed["errors"]![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("kaboom", exchange.Body);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Deliberate_execution_errors_pass_through_unchanged(string environment)
    {
        await using var host = await TinyGraphQLHost.StartAsync(environment);

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ fail }");

        var error = exchange.Parsed["errors"]![0]!;
        Assert.Equal("Deliberate failure", error["message"]!.GetValue<string>());
        Assert.Equal(TinyQuery.DeliberateCode, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(error["extensions"]!["traceId"]);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData(HttpExchange.Json, HttpStatusCode.OK)]
    [InlineData(HttpExchange.GraphQLResponseJson, HttpStatusCode.GatewayTimeout)]
    public async Task Execution_timeout_answers_a_timeout_error(string accept, HttpStatusCode expectedStatus)
    {
        await using var host = await TinyGraphQLHost.StartAsync(configure: o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(200));

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ slow }", accept);

        Assert.Equal(expectedStatus, exchange.Status);
        Assert.Equal("TIMEOUT", exchange.FirstErrorCode);
    }
}
