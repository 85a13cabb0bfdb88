using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

public sealed class FilterDepthLimitTests : IDisposable
{
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(10, false)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(11, true)]
    public async Task A_where_nests_at_most_10_deep(int depth, bool asVariable)
    {
        var (query, variables) = InputText.Request("widgets", "where", "WidgetFilterInput", WhereOfDepth(depth), asVariable);

        var result = await _server.ExecuteAsync(query, variables);

        if (depth <= 10)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, "MaxFilterDepth", "where");
        Assert.Equal("The argument 'where' of Query.widgets nests 11 levels deep, over the maximum of 10 (MaxFilterDepth).", error.Message);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public async Task Operator_level_and_or_entries_nest_too(int maximum, bool allowed)
    {
        using var server = new ShelfServer(limits => limits.MaxFilterDepth = maximum);
        var where = Obj(("stock", Obj(("and", new object?[] { Obj(("gte", 0)) }))));

        var result = await server.ExecuteAsync(
            $"{{ widgets(where: {InputText.Literal(where)}) {{ nodes {{ id }} }} }}");

        if (allowed)
        {
            AssertServed(result);
        }
        else
        {
            AssertRefused(result, "MaxFilterDepth", "where");
        }
    }
}
