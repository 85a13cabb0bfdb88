using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

public sealed class FilterListLimitTests : IDisposable
{
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("in", 1_000, false)]
    [InlineData("in", 1_000, true)]
    [InlineData("in", 1_001, false)]
    [InlineData("in", 1_001, true)]
    [InlineData("nin", 1_000, false)]
    [InlineData("nin", 1_000, true)]
    [InlineData("nin", 1_001, false)]
    [InlineData("nin", 1_001, true)]
    public async Task In_and_nin_hold_at_most_1_000_values(string operation, int count, bool asVariable)
    {
        var where = Obj(("stock", Obj((operation, Values(count)))));
        var (query, variables) = InputText.Request("widgets", "where", "WidgetFilterInput", where, asVariable);

        var result = await _server.ExecuteAsync(query, variables);

        if (count <= 1_000)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, "MaxFilterListValues", "where");
        Assert.Equal(
            $"The argument 'where' of Query.widgets has an '{operation}' list of 1,001 values, over the maximum of 1,000 (MaxFilterListValues).",
            error.Message);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public async Task A_list_deep_inside_and_or_is_measured(int count, bool allowed)
    {
        var where = Obj(("or", new object?[]
        {
            Obj(("name", Obj(("eq", "x")))),
            Obj(("stock", Obj(("or", new object?[] { Obj(("nin", Values(count))) })))),
        }));
        var (query, variables) = InputText.Request("widgets", "where", "WidgetFilterInput", where, asVariable: true);

        var result = await _server.ExecuteAsync(query, variables);

        if (allowed)
        {
            AssertServed(result);
        }
        else
        {
            AssertRefused(result, "MaxFilterListValues", "where");
        }
    }
}
