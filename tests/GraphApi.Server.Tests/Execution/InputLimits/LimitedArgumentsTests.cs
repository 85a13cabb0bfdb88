using GraphApi.Server.Execution.InputLimits;
using GraphQLParser;
using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

/// <summary>The syntactic pre-check that lets documents without limited arguments skip the limits' document walk.</summary>
public sealed class LimitedArgumentsTests : IDisposable
{
    private static readonly HashSet<string> Names = ["where", "order"];
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("{ widgets(first: 5) { nodes { id } } }", false)]
    [InlineData("{ widgets(order: []) { nodes { id } } }", true)]
    [InlineData("{ a { b { c(where: {}) { d } } } }", true)]
    [InlineData("query { ...F } fragment F on Query { widgets(order: []) { nodes { id } } }", true)]
    [InlineData("{ ... on Query { widgets(where: {}) { nodes { id } } } }", true)]
    [InlineData("{ widgets(first: 1) { nodes { id where } } }", false)]
    public void Finds_limited_argument_names_at_any_depth_and_in_fragments(string document, bool expected) =>
        Assert.Equal(expected, LimitedArguments.AppearIn(Parser.Parse(document), Names));

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public async Task An_order_inside_a_fragment_is_limited_on_every_request_of_a_cached_document(int entries)
    {
        var query = $"query {{ ...F }} fragment F on Query {{ widgets(order: {InputText.Literal(Order(entries))}) {{ nodes {{ id }} }} }}";

        var first = await _server.ExecuteAsync(query, null);
        var again = await _server.ExecuteAsync(query, null);

        foreach (var result in new[] { first, again })
        {
            if (entries <= 10)
            {
                AssertServed(result);
            }
            else
            {
                AssertRefused(result, "MaxSortEntries", "order");
            }
        }
    }
}
