using GraphApi.Server.Schema.Nodes;
using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

public sealed class NodeIdsLimitTests : IDisposable
{
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(50, false)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    [InlineData(51, true)]
    public async Task Nodes_takes_at_most_50_ids(int count, bool asVariable)
    {
        var ids = Enumerable.Range(0, count).Select(i => GlobalId.Encode("Widget", (i % 8) + 1)).ToArray();
        var (query, variables) = InputText.Request("nodes", "ids", "[ID!]!", ids, asVariable, selection: "{ id }");

        var result = await _server.ExecuteAsync(query, variables);

        if (count <= 50)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, "MaxNodeIds", "ids");
        Assert.Equal("The argument 'ids' of Query.nodes has 51 entries, over the maximum of 50 (MaxNodeIds).", error.Message);
        Assert.Equal(0, _server.Calls.Count); // no node was fetched
    }
}
