using GraphApi.Server.Execution;
using System.Diagnostics;
using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Execution.Limits;
using GraphQL;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Execution.Limits;

public sealed class RequestLimitsTests
{
    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public async Task Default_depth_limit_is_15(int depth, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());

        var result = await server.ExecuteAsync(ChainServer.QueryOfDepth(depth));

        AssertOutcome(result, allowed, ErrorCodes.MaxDepthExceeded);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task Depth_is_measured_with_fragments_expanded(int maxDepth, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxDepth = maxDepth));

        // node(1) > child(2) via F > ... on Node adds nothing > child(3) via G > id(4).
        var result = await server.ExecuteAsync("""
            { node { ...F } }
            fragment F on Node { child { ... on Node { ...G } } }
            fragment G on Node { name child { id } }
            """);

        AssertOutcome(result, allowed, ErrorCodes.MaxDepthExceeded);
    }

    [Fact]
    public async Task Every_operation_of_the_document_is_measured()
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxDepth = 2));

        var result = await server.ExecuteAsync("query Shallow { node { id } } query Deep { node { child { id } } }", "Shallow");

        AssertOutcome(result, false, ErrorCodes.MaxDepthExceeded);
    }

    [Fact]
    public async Task Cyclic_fragments_neither_hang_nor_overflow()
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());

        var result = await server.ExecuteAsync(
            "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }")
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Executed);
        Assert.Contains(result.Errors!, e => e.Code == "NO_FRAGMENT_CYCLES");
        Assert.DoesNotContain(result.Errors!, e => e.Code == ErrorCodes.MaxDepthExceeded);
    }

    [Fact]
    public async Task A_fragment_chain_as_long_as_the_token_limit_allows_is_measured()
    {
        // 11 tokens per fragment: about the longest chain 15,000 tokens allow.
        const int chain = 1_350;
        using var server = ChainServer.Create(b => b.UseRequestLimits());
        var fragments = Enumerable.Range(0, chain).Select(i => $"fragment F{i} on Node {{ child {{ ...F{i + 1} }} }}");
        var query = "{ node { ...F0 } } " + string.Join(' ', fragments) + $" fragment F{chain} on Node {{ id }}";

        var result = await server.ExecuteAsync(query);

        Assert.False(result.Executed);
        var depthError = Assert.Single(result.Errors!, e => e.Code == ErrorCodes.MaxDepthExceeded);
        Assert.Contains($"depth of {chain + 2}", depthError.Message);
    }

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(3, 4, false)]
    [InlineData(64, 64, true)]
    [InlineData(64, 65, false)]
    public async Task Fragment_nesting_is_limited(int maxNesting, int chain, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxFragmentNesting = maxNesting));

        var result = await server.ExecuteAsync(SpreadChain(chain));

        AssertOutcome(result, allowed, ErrorCodes.MaxFragmentNestingExceeded);
    }

    [Fact]
    public async Task A_spread_chain_filling_the_token_limit_is_rejected_before_it_can_overflow_the_stack()
    {
        // 8 tokens per fragment: 1,870 fit in 15,000 tokens, and GraphQL.NET's own validation overflows
        // the stack (crashing the process) on a chain that long.
        using var server = ChainServer.Create(b => b.UseRequestLimits());

        var result = await server.ExecuteAsync(SpreadChain(1_870));

        AssertOutcome(result, false, ErrorCodes.MaxFragmentNestingExceeded);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task Fields_count_aliases_and_a_fragments_fields_once(int maxFields, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxFields = maxFields));

        // node, same (alias of node), and F's id once although F is spread twice: 3 as written would be
        // 5 with F expanded; the alias `again` inside F makes 4.
        var result = await server.ExecuteAsync("{ node { ...F } same: node { ...F } } fragment F on Node { id again: id }");

        AssertOutcome(result, allowed, ErrorCodes.MaxFieldsExceeded);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public async Task Default_field_limit_is_1000(int fields, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());
        var aliases = string.Join(' ', Enumerable.Range(0, fields - 1).Select(i => $"f{i}: id"));

        var result = await server.ExecuteAsync($"{{ node {{ {aliases} }} }}");

        AssertOutcome(result, allowed, ErrorCodes.MaxFieldsExceeded);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task Directives_count_as_written_everywhere(int maxDirectives, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxDirectives = maxDirectives));

        var result = await server.ExecuteAsync("""
            { node @include(if: true) { ...F @skip(if: false) ... @include(if: true) { id } } }
            fragment F on Node { name @skip(if: false) }
            """);

        AssertOutcome(result, allowed, ErrorCodes.MaxDirectivesExceeded);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public async Task Default_directive_limit_is_50(int directives, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());
        var repeated = string.Concat(Enumerable.Repeat(" @include(if: true)", directives));

        var result = await server.ExecuteAsync($"{{ node {{ id{repeated} }} }}");

        Assert.Equal(allowed, result.Errors?.Any(e => e.Code == ErrorCodes.MaxDirectivesExceeded) != true);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public async Task Tokens_are_counted_before_parsing(int maxTokens, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxTokens = maxTokens));

        // { node { id } } is six tokens.
        var result = await server.ExecuteAsync("{ node { id } }");

        AssertOutcome(result, allowed, ErrorCodes.MaxTokensExceeded);
        if (!allowed)
        {
            Assert.Null(result.Document);
        }
    }

    [Theory]
    [InlineData(15_000, true)]
    [InlineData(15_001, false)]
    public async Task Default_token_limit_is_15000(int tokens, bool allowed)
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());
        // "{ node { id } }" is 6 tokens; each comment line adds one.
        var query = string.Concat(Enumerable.Repeat("# padding\n", tokens - 6)) + "{ node { id } }";

        var result = await server.ExecuteAsync(query);

        AssertOutcome(result, allowed, ErrorCodes.MaxTokensExceeded);
    }

    [Fact]
    public async Task A_megabyte_of_tokens_fails_fast_without_being_parsed()
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits());
        var query = "{ node { " + string.Concat(Enumerable.Repeat("id ", 350_000)) + "} }";
        await server.ExecuteAsync("{ node { id } }"); // warm up

        var clock = Stopwatch.StartNew();
        var result = await server.ExecuteAsync(query);
        clock.Stop();

        Assert.True(query.Length > 1_000_000);
        AssertOutcome(result, false, ErrorCodes.MaxTokensExceeded);
        Assert.Null(result.Document);
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Limits_hold_on_document_cache_hits()
    {
        using var server = ChainServer.Create(b => b
            .UseDocumentCache()
            .UseRequestLimits(o =>
            {
                o.MaxDepth = 2;
                o.MaxTokens = 9;
            }));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            AssertOutcome(await server.ExecuteAsync("{ node { child { id } } }"), false, ErrorCodes.MaxDepthExceeded);
            AssertOutcome(await server.ExecuteAsync("{ node { id id id id id } }"), false, ErrorCodes.MaxTokensExceeded);
        }
        var first = await server.ExecuteAsync("{ node { id } }");
        var second = await server.ExecuteAsync("{ node { id } }");
        AssertOutcome(second, true, ErrorCodes.MaxDepthExceeded);
        Assert.Same(first.Document, second.Document);
    }

    [Fact]
    public async Task A_violation_is_a_request_error_with_a_code()
    {
        using var server = ChainServer.Create(b => b.UseRequestLimits(o => o.MaxDepth = 2));

        var result = await server.ExecuteAsync("query Deep { node { child { id } } }");

        Snapshot.Match(ChainServer.Json(result));
    }

    /// <summary>A query whose fragments spread one another <paramref name="length"/> deep, adding no field depth.</summary>
    private static string SpreadChain(int length)
    {
        var fragments = Enumerable.Range(1, length - 1).Select(i => $"fragment F{i} on Node {{ ...F{i + 1} }}");
        return "{ node { ...F1 } } " + string.Join(' ', fragments) + $" fragment F{length} on Node {{ id }}";
    }

    private static void AssertOutcome(ExecutionResult result, bool allowed, string code)
    {
        if (allowed)
        {
            Assert.Null(result.Errors);
            Assert.True(result.Executed);
            return;
        }
        Assert.False(result.Executed);
        Assert.Null(result.Data);
        Assert.Contains(result.Errors!, e => e.Code == code);
    }
}
