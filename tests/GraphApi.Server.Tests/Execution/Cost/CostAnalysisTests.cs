using System.Diagnostics;
using System.Net;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Execution.Limits;
using GraphApi.Server.Tests.Execution.Limits;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Execution.Cost;

public sealed class CostAnalysisTests
{
    // Three nested connections, their page sizes as variables, and nodes(ids:):
    //   shelves 1 + nodes 1                                         =      2
    //   × a = 29 outer shelves, each: shelves 1 + nodes 1 + 41 × 42  =  1,724   (2 + 29 × 1,724 = 49,998)
    //     × b = 41 middle shelves, each: shelves 1 + nodes 1 + 40 × 1 = 42
    //       × c = 40 (last:) inner shelves, each: id 1
    //   nodes(ids:) 1 + ids × id 1                                   =  1 + ids
    // One id: 49,998 + 2 = 50,000 (the default limit); two ids: 50,001.
    private const string BoundaryQuery = """
        query Boundary($a: Int, $b: Int, $c: Int, $ids: [ID!]!) {
          shelves(first: $a) { nodes { shelves(first: $b) { nodes { shelves(last: $c) { nodes { id } } } } } }
          nodes(ids: $ids) { id }
        }
        """;

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public async Task The_default_limit_is_50000(int ids, bool allowed)
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync(BoundaryQuery, new { a = 29, b = 41, c = 40, ids = Enumerable.Range(1, ids).Select(i => $"{i}") }, reportCost: true);

        Assert.Equal(49_999 + ids, response.Estimated);
        if (allowed)
        {
            response.AssertAccepted();
        }
        else
        {
            response.AssertRefused(ErrorCodes.MaxCostExceeded);
            Assert.Contains("estimated cost of 50001, over the maximum of 50000", response.Body, StringComparison.Ordinal);
        }
    }

    // shelves 1 + totalCount 1 + pageInfo 1 + hasNextPage 1 + edges 1            = 5
    // per edge (first: 3): cursor 1 + node 1 + name 1 + books 1 + 25 × (title 1 + tags 1) = 54
    // 5 + 3 × 54 = 167. The fragment counts at its spread; Shelf.books counts its configured 25; tags (scalars) count 1.
    [Theory]
    [InlineData(167, true)]
    [InlineData(166, false)]
    public async Task A_configured_limit_holds_at_its_exact_boundary(long maxCost, bool allowed)
    {
        await using var server = await ShelfServer.StartAsync(o => o.MaxCost = maxCost);

        var response = await server.PostAsync("""
            query($first: Int) { shelves(first: $first) { totalCount pageInfo { hasNextPage } edges { cursor node { ...ShelfBooks } } } }
            fragment ShelfBooks on Shelf { name books { title tags } }
            """, new { first = 3 }, reportCost: true);

        Assert.Equal(167, response.Estimated);
        if (allowed)
        {
            response.AssertAccepted();
        }
        else
        {
            response.AssertRefused(ErrorCodes.MaxCostExceeded);
        }
    }

    [Theory]
    // No first/last: the default page size, 10.                                  2 + 10 × 1
    [InlineData("{ shelves { nodes { id } } }", 12)]
    // Literal first; edges count like nodes.                                     2 + 7 × (cursor 1 + node 1 + id 1)
    [InlineData("{ shelves(first: 7) { edges { cursor node { id } } } }", 23)]
    // first beyond the maximum page size is refused when run; it counts the most ever fetched, 50.
    [InlineData("{ shelves(first: 5000) { nodes { id } } }", 52)]
    // A plain list counts 10; scalars below a list add nothing.                 1 + 10 × (title 1 + tags 1)
    [InlineData("{ featured { title tags } }", 21)]
    // nodes(ids:) counts its ids; an inline fragment adds its fields; Shelf.books counts 25.   1 + 3 × (1 + 1 + 25 × 1)
    [InlineData("""{ nodes(ids: ["1", "2", "3"]) { id ... on Shelf { books { id } } } }""", 82)]
    // Introspection and __typename cost nothing.
    [InlineData("{ __typename __schema { types { name fields { name } } } }", 0)]
    // Fragments spread twice count twice; aliases count each.                   2 × (1 + 25 × 1) + 2 × 1
    [InlineData("{ a: shelf { ...F } b: shelf { ...F } } fragment F on Shelf { books { id } }", 54)]
    // A fragment on a connection type counts the page size of each spread: (3 + 2 × 1) + (3 + 5 × 1).
    [InlineData("{ a: shelves(first: 2) { ...Page } b: shelves(first: 5) { ...Page } } fragment Page on ShelvesConnection { totalCount nodes { id } }", 13)]
    public async Task Estimates_follow_the_model(string query, long expected)
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync(query, reportCost: true);

        Assert.Equal(expected, response.Estimated);
    }

    [Fact]
    public async Task The_depth_15_boundary_query_of_the_request_limits_passes()
    {
        // No lists: 15 fields cost 15.
        using var server = ChainServer.Create(b => b.UseRequestLimits().UseCostAnalysis(o => o.MaxCost = 15));

        var result = await server.ExecuteAsync(ChainServer.QueryOfDepth(15));

        Assert.Null(result.Errors);
        Assert.True(result.Executed);
    }

    [Fact]
    public async Task A_variable_without_a_value_counts_its_default()
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync("query($n: Int = 4) { shelves(first: $n) { nodes { id } } }", reportCost: true);

        Assert.Equal(6, response.Estimated);
        response.AssertAccepted();
    }

    [Fact]
    public async Task The_report_header_adds_the_estimate_and_the_limit()
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync("{ shelves(first: 2) { nodes { name books { title } } } }", reportCost: true);

        Snapshot.Match(new { Status = (int)response.Status, Body = Newtonsoft.Json.Linq.JToken.Parse(response.Body) });
    }

    [Fact]
    public async Task A_refusal_names_the_estimate_and_the_limit_and_reports_them()
    {
        await using var server = await ShelfServer.StartAsync(o => o.MaxCost = 55);

        var response = await server.PostAsync("{ shelves(first: 2) { nodes { name books { title } } } }", reportCost: true);

        Snapshot.Match(new { Status = (int)response.Status, Body = Newtonsoft.Json.Linq.JToken.Parse(response.Body) });
    }

    [Fact]
    public async Task Without_the_header_there_is_no_report()
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync("{ shelves { nodes { id } } }");

        response.AssertAccepted();
        Assert.Null(response.Json["extensions"]);
    }

    [Fact]
    public async Task The_limit_holds_for_a_cached_document_with_other_variables()
    {
        await using var server = await ShelfServer.StartAsync(o => o.MaxCost = 100);
        const string query = "query($n: Int) { shelves(first: $n) { nodes { shelves(first: $n) { nodes { id } } } } }";

        // 2 + 5 × (2 + 5) = 37, then the same text (now cached) with 2 + 9 × (2 + 9) = 101.
        (await server.PostAsync(query, new { n = 5 })).AssertAccepted();
        var response = await server.PostAsync(query, new { n = 9 }, reportCost: true);

        Assert.Equal(101, response.Estimated);
        response.AssertRefused(ErrorCodes.MaxCostExceeded);
    }

    [Fact]
    public async Task Only_the_operation_that_runs_is_costed()
    {
        await using var server = await ShelfServer.StartAsync(o => o.MaxCost = 100);

        var response = await server.PostAsync(
            "query Small { shelf { id } } query Big { shelves(first: 50) { nodes { books { id } } } }", operationName: "Small", reportCost: true);

        Assert.Equal(2, response.Estimated);
        response.AssertAccepted();
    }

    [Theory]
    [InlineData("{ shelf { nope { id } } }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ ...Missing }", "KNOWN_FRAGMENT_NAMES")]
    [InlineData("{ shelf { ...A } } fragment A on Shelf { shelves { nodes { ...B } } } fragment B on Shelf { ...A }", "NO_FRAGMENT_CYCLES")]
    [InlineData("query($n: String) { shelves(first: $n) { nodes { id } } }", "VARIABLES_IN_ALLOWED_POSITION")]
    [InlineData("{ nodes(ids: {a: 1}) { id } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ ... on Nope { id } }", "KNOWN_TYPE_NAMES")]
    public async Task Invalid_operations_get_the_usual_validation_error(string query, string code)
    {
        await using var server = await ShelfServer.StartAsync();

        var response = await server.PostAsync(query, new { n = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(code, response.ErrorCodes);
        Assert.DoesNotContain(ErrorCodes.UnexpectedExecutionError, response.ErrorCodes);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)] // the deepest the default depth limit (15) lets through
    [InlineData(200)] // with the depth limits lifted: 100^200 saturates instead of overflowing
    public async Task A_fragment_fan_out_is_refused_at_once_and_the_server_serves_on(int levels)
    {
        await using var server = await ShelfServer.StartAsync(limits: o =>
        {
            o.MaxDepth = 10_000;
            o.MaxFragmentNesting = 10_000;
        });
        // Each level spreads the one below twice under a 50-item page: 100^levels shelves if it ran. Depth 2 per level.
        var fragments = Enumerable.Range(1, levels).Select(k =>
            $"fragment L{k} on Shelf {{ a: shelves(first: 50) {{ nodes {{ ...L{k - 1} }} }} b: shelves(first: 50) {{ nodes {{ ...L{k - 1} }} }} }}");
        var query = $"{{ shelf {{ ...L{levels} }} }} fragment L0 on Shelf {{ id }} " + string.Join(' ', fragments);

        var stopwatch = Stopwatch.StartNew();
        var response = await server.PostAsync(query);
        stopwatch.Stop();

        response.AssertRefused(ErrorCodes.MaxCostExceeded);
        if (levels == 200)
        {
            Assert.Contains($"estimated cost of {long.MaxValue}", response.Body, StringComparison.Ordinal);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
        (await server.PostAsync("{ shelf { id } }")).AssertAccepted();
    }
}
