using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

public sealed class FilterNodeLimitTests : IDisposable
{
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(100, false)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(101, true)]
    public async Task A_where_holds_at_most_100_nodes(int nodes, bool asVariable)
    {
        var (query, variables) = InputText.Request("widgets", "where", "WidgetFilterInput", WhereOfNodes(nodes), asVariable);

        var result = await _server.ExecuteAsync(query, variables);

        if (nodes <= 100)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, "MaxFilterNodes", "where");
        Assert.Equal("The argument 'where' of Query.widgets holds 101 filter nodes, over the maximum of 100 (MaxFilterNodes).", error.Message);
        Assert.Equal(0, _server.Calls.Count);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task Operators_and_entries_count_at_every_level(int maximum, bool allowed)
    {
        using var server = new ShelfServer(limits => limits.MaxFilterNodes = maximum);
        // or entry (1) holding stock's operator-level or entry (2) with eq (3); plus name's neq (4).
        var where = Obj(
            ("or", new object?[] { Obj(("stock", Obj(("or", new object?[] { Obj(("eq", 5)) })))) }),
            ("name", Obj(("neq", "x"))));
        var (query, variables) = InputText.Request("widgets", "where", "WidgetFilterInput", where, asVariable: true);

        var result = await server.ExecuteAsync(query, variables);

        if (allowed)
        {
            AssertServed(result);
        }
        else
        {
            AssertRefused(result, "MaxFilterNodes", "where");
        }
    }
}
