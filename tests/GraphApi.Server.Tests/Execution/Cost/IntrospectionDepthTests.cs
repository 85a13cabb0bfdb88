using System.Diagnostics;
using GraphApi.Server.Execution;

namespace GraphApi.Server.Tests.Execution.Cost;

public sealed class IntrospectionDepthTests
{
    [Theory]
    // fields > fields > fields: 3 deep.
    [InlineData("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", true)]
    // ... > interfaces: 4 deep.
    [InlineData("{ __schema { types { fields { type { fields { type { fields { type { interfaces { name } } } } } } } } } }", false)]
    // __type counts the same; possibleTypes and inputFields too.
    [InlineData("""{ __type(name: "Node") { possibleTypes { interfaces { possibleTypes { name } } } } }""", true)]
    [InlineData("""{ __type(name: "Node") { possibleTypes { interfaces { possibleTypes { inputFields { name } } } } } }""", false)]
    public async Task Three_levels_pass_and_four_fail(string query, bool allowed)
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync(query);

        if (allowed)
        {
            response.AssertAccepted();
        }
        else
        {
            response.AssertRefused(ErrorCodes.MaxIntrospectionDepthExceeded);
        }
    }

    [Theory]
    // __type > A: fields > type > B: interfaces > possibleTypes (+ C: fields) = 3, or 4 with C's fields.
    [InlineData("fragment C on __Type { name }", true)]
    [InlineData("fragment C on __Type { fields { name } }", false)]
    public async Task Depth_is_measured_with_fragments_expanded(string fragmentC, bool allowed)
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync($$"""
            { __type(name: "Shelf") { ...A } }
            fragment A on __Type { fields { type { ...B } } }
            fragment B on __Type { interfaces { ... on __Type { possibleTypes { ...C } } } }
            {{fragmentC}}
            """);

        if (allowed)
        {
            response.AssertAccepted();
        }
        else
        {
            response.AssertRefused(ErrorCodes.MaxIntrospectionDepthExceeded);
        }
    }

    [Fact]
    public async Task The_standard_introspection_query_passes()
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync(StandardIntrospectionQuery.Text, reportCost: true);

        response.AssertAccepted();
        Assert.Equal(0, response.Estimated);
        Assert.NotEmpty(response.Json["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        await using var server = await ShelfServer.StartAsync(o => o.MaxIntrospectionDepth = 0);

        var response = await server.PostAsync(StandardIntrospectionQuery.Text);

        response.AssertRefused(ErrorCodes.MaxIntrospectionDepthExceeded);
        Assert.Contains("1 deep, over the maximum of 0", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(60)]
    public async Task The_possible_types_fan_out_is_refused_at_once_and_the_server_serves_on(int levels)
    {
        // The 637-byte request of issue 8 at L5: each level spreads the one below twice (67 MB of answer when it ran).
        await using var server = await ShelfServer.StartAsync(limits: o =>
        {
            o.MaxDepth = 10_000;
            o.MaxFragmentNesting = 10_000;
        });
        var fragments = Enumerable.Range(1, levels).Select(k =>
            $"fragment L{k} on __Type {{ a: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} b: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} }}");
        var query = $$"""{ __type(name: "Node") { ...L{{levels}} } } fragment L0 on __Type { name } """ + string.Join(' ', fragments);

        var stopwatch = Stopwatch.StartNew();
        var response = await server.PostAsync(query);
        stopwatch.Stop();

        response.AssertRefused(ErrorCodes.MaxIntrospectionDepthExceeded);
        Assert.Contains($"{2 * levels} deep", response.Body, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
        (await server.PostAsync("""{ __type(name: "Node") { name } }""")).AssertAccepted();
    }
}
