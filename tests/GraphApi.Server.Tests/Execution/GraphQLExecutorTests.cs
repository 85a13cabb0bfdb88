using System.Security.Claims;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Tests.Http.TinyServer;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Execution;

public sealed class GraphQLExecutorTests
{
    [Fact]
    public async Task Queries_run_their_resolvers_one_at_a_time()
    {
        await using var host = await TinyGraphQLHost.StartAsync();

        var result = await ExecuteAsync(host, "{ a: probe b: probe c: probe }");

        Assert.Null(result.Errors);
        Assert.Equal(1, host.Services.GetRequiredService<ConcurrencyProbe>().MaxRunning);
    }

    [Fact]
    public async Task Caller_cancellation_returns_quietly_instead_of_throwing()
    {
        await using var host = await TinyGraphQLHost.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var result = await ExecuteAsync(host, "{ slow }", ct: cts.Token);

        Assert.Equal(ErrorCodes.RequestCancelled, Assert.Single(result.Errors!).Code);
    }

    [Theory]
    [InlineData("mutation { echo(text: \"x\") }", null)]
    [InlineData("subscription { ticks }", null)]
    [InlineData("query Q { hello } mutation M { echo(text: \"x\") }", "M")]
    public async Task Queries_only_refuses_other_operations(string query, string? operationName)
    {
        await using var host = await TinyGraphQLHost.StartAsync();

        var result = await ExecuteAsync(host, query, operationName, queriesOnly: true);

        Assert.False(result.Executed);
        Assert.Equal(ErrorCodes.OperationNotAllowedOverGet, Assert.Single(result.Errors!).Code);
    }

    [Theory]
    [InlineData("mutation { echo(text: \"x\") }", null)]
    [InlineData("query Q { hello } mutation M { echo(text: \"x\") }", "Q")]
    public async Task Queries_only_refuses_a_mutation_in_a_cached_document(string query, string? cachedWith)
    {
        await using var host = await TinyGraphQLHost.StartAsync(
            configureServices: services => services.AddGraphQL(graphQL => graphQL.UseDocumentCache()));
        var first = await ExecuteAsync(host, query, cachedWith); // over POST: runs, and the text is cached
        var second = await ExecuteAsync(host, query, cachedWith);

        var result = await ExecuteAsync(host, query, cachedWith is null ? null : "M", queriesOnly: true);

        Assert.True(first.Executed);
        Assert.Same(first.Document, second.Document); // the cache is in play
        Assert.False(result.Executed);
        Assert.Equal(ErrorCodes.OperationNotAllowedOverGet, Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public async Task Queries_only_still_runs_queries()
    {
        await using var host = await TinyGraphQLHost.StartAsync();

        var result = await ExecuteAsync(host, "query Q { hello } mutation M { echo(text: \"x\") }", "Q", queriesOnly: true);

        Assert.Null(result.Errors);
        Assert.True(result.Executed);
    }

    [Fact]
    public async Task Mutations_run_without_queries_only()
    {
        await using var host = await TinyGraphQLHost.StartAsync();

        var result = await ExecuteAsync(host, "mutation { echo(text: \"x\") }");

        Assert.Null(result.Errors);
        Assert.True(result.Executed);
    }

    [Fact]
    public async Task The_caller_is_visible_to_resolvers_as_the_user()
    {
        await using var host = await TinyGraphQLHost.StartAsync();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));

        var result = await ExecuteAsync(host, "{ whoami }", user: user);

        Assert.Null(result.Errors);
        Assert.Equal("""{"data":{"whoami":"ada"}}""", host.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result));
    }

    private static async Task<ExecutionResult> ExecuteAsync(
        TinyGraphQLHost host, string query, string? operationName = null, bool queriesOnly = false, CancellationToken ct = default,
        ClaimsPrincipal? user = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var executor = host.Services.GetRequiredService<IGraphQLExecutor>();
        return await executor.ExecuteAsync(
            new GraphQLExecutionRequest(
                new GraphQLRequest { Query = query, OperationName = operationName },
                user ?? new ClaimsPrincipal(new ClaimsIdentity()),
                scope.ServiceProvider,
                queriesOnly),
            ct);
    }
}
