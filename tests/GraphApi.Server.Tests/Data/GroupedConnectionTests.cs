using GraphApi.Server.Execution;
using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

public sealed class GroupedConnectionTests : IDisposable
{
    private static readonly int[] Owners = [1, 2, 3, 4];
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private Task<IReadOnlyDictionary<int, Connection<Widget>>> GroupedAsync(ConnectionArguments args, int[]? owners = null) =>
        _db.Widgets.ToGroupedConnectionsAsync(
            widget => widget.OwnerId, owners ?? Owners, args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

    private static int[] Ids(Connection<Widget> connection) => connection.Nodes.Select(widget => widget.Id).ToArray();

    [Fact]
    public async Task Pages_of_all_parents_come_from_one_statement()
    {
        var pages = await GroupedAsync(WidgetDatabase.Arguments(order: """[{ "price": "ASC" }]""", paging: new(2, null, null, null)));

        Assert.Equal([1, 6], Ids(pages[1]));
        Assert.Equal([3, 4], Ids(pages[2]));
        Assert.Equal([7, 5], Ids(pages[3]));
        Assert.Empty(pages[4].Edges);
        Assert.Equal([true, true, false, false], Owners.Select(owner => pages[owner].PageInfo.HasNextPage));
        Assert.All(Owners, owner => Assert.False(pages[owner].PageInfo.HasPreviousPage));
        var sql = Assert.Single(_db.Log.Commands);
        Assert.Contains("ROW_NUMBER", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_parents_means_no_statements()
    {
        var pages = await GroupedAsync(WidgetDatabase.Arguments(), []);

        Assert.Empty(pages);
        Assert.Empty(_db.Log.Commands);
    }

    [Fact]
    public async Task Paging_errors_surface_before_any_statement()
    {
        var error = await Assert.ThrowsAsync<GraphQL.ExecutionError>(
            () => GroupedAsync(WidgetDatabase.Arguments(paging: new PagingArguments(1, null, 1, null))));

        Assert.Equal(ErrorCodes.InvalidPagingArguments, error.Code);
        Assert.Empty(_db.Log.Commands);
    }

    [Fact]
    public async Task Total_counts_share_one_grouped_count_run_only_when_asked()
    {
        var pages = await GroupedAsync(WidgetDatabase.Arguments(where: """{ "stock": { "gt": 0 } }""", paging: new(1, null, null, null)));
        Assert.Single(_db.Log.Commands);

        var counts = new List<int>();
        foreach (var owner in Owners)
        {
            counts.Add(await pages[owner].GetTotalCountAsync(CancellationToken.None));
        }

        Assert.Equal([2, 3, 2, 0], counts);
        Assert.Equal(2, _db.Log.Commands.Count);
        Assert.Contains("COUNT", _db.Log.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_pages_read_from_the_end_of_each_parent()
    {
        var pages = await GroupedAsync(WidgetDatabase.Arguments(order: """[{ "price": "ASC" }]""", paging: new(null, null, 2, null)));

        Assert.Equal([6, 2], Ids(pages[1]));
        Assert.True(pages[1].PageInfo.HasPreviousPage);
        Assert.False(pages[1].PageInfo.HasNextPage);
        Assert.Equal([7, 5], Ids(pages[3]));
        Assert.False(pages[3].PageInfo.HasPreviousPage);
        Assert.Single(_db.Log.Commands);
    }

    [Fact]
    public async Task An_after_cursor_adds_one_statement_for_the_previous_side_of_all_parents()
    {
        var order = """[{ "price": "ASC" }]""";
        var first = await GroupedAsync(WidgetDatabase.Arguments(order: order, paging: new(2, null, null, null)), [1]);
        _db.Log.Clear();

        var pages = await GroupedAsync(
            WidgetDatabase.Arguments(order: order, paging: new(2, first[1].PageInfo.EndCursor, null, null)), [1, 2]);

        Assert.Equal([2], Ids(pages[1]));
        Assert.Equal([3, 4], Ids(pages[2]));
        Assert.True(pages[1].PageInfo.HasPreviousPage);
        Assert.False(pages[2].PageInfo.HasPreviousPage);
        Assert.False(pages[1].PageInfo.HasNextPage);
        Assert.True(pages[2].PageInfo.HasNextPage);
        Assert.Equal(2, _db.Log.Commands.Count);
    }

    [Theory]
    [InlineData(null, null, 2, null)]
    [InlineData("""[{ "name": "DESC" }]""", null, null, 1)]
    [InlineData("""[{ "kind": "ASC" }, { "createdAt": "DESC" }]""", """{ "stock": { "lt": 50 } }""", 5, null)]
    public async Task Grouped_connections_equal_one_connection_per_parent(string? order, string? where, int? first, int? last)
    {
        var args = WidgetDatabase.Arguments(where, order, new PagingArguments(first, null, last, null));
        var pages = await GroupedAsync(args);

        foreach (var owner in Owners)
        {
            var single = await _db.Widgets.Where(widget => widget.OwnerId == owner)
                .ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);
            Assert.Equal(single.Edges.Select(edge => (edge.Cursor, edge.Node.Id)), pages[owner].Edges.Select(edge => (edge.Cursor, edge.Node.Id)));
            Assert.Equal(single.PageInfo, pages[owner].PageInfo);
            Assert.Equal(await single.GetTotalCountAsync(CancellationToken.None), await pages[owner].GetTotalCountAsync(CancellationToken.None));
        }
    }
}
