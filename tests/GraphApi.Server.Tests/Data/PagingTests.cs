using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

public sealed class PagingTests : IDisposable
{
    private static readonly PagingOptions SmallPages = new() { DefaultPageSize = 3, MaxPageSize = 5 };
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private Task<Connection<Widget>> Page(PagingArguments paging, string? order = null, string? where = null) =>
        _db.PageAsync(where, order, paging, options: SmallPages);

    private static int[] Ids(Connection<Widget> page) => page.Nodes.Select(widget => widget.Id).ToArray();

    private static PagingArguments First(int? first, string? after = null, string? before = null) => new(first, after, null, before);

    private static PagingArguments Last(int? last, string? before = null, string? after = null) => new(null, after, last, before);

    [Fact]
    public async Task Without_first_or_last_the_default_page_size_applies()
    {
        var page = await Page(First(null));

        Assert.Equal([1, 2, 3], Ids(page));
        Assert.Equal(new PageInfo(true, false, page.Edges[0].Cursor, page.Edges[2].Cursor), page.PageInfo);
    }

    [Fact]
    public async Task First_and_after_walk_forward_with_exact_flags()
    {
        var one = await Page(First(3));
        var two = await Page(First(3, one.PageInfo.EndCursor));
        var three = await Page(First(3, two.PageInfo.EndCursor));

        Assert.Equal([[1, 2, 3], [4, 5, 6], [7, 8]], new[] { Ids(one), Ids(two), Ids(three) });
        Assert.Equal([true, true, false], new[] { one, two, three }.Select(page => page.PageInfo.HasNextPage));
        Assert.Equal([false, true, true], new[] { one, two, three }.Select(page => page.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task Last_and_before_walk_backward_with_exact_flags()
    {
        var one = await Page(Last(3));
        var two = await Page(Last(3, one.PageInfo.StartCursor));
        var three = await Page(Last(3, two.PageInfo.StartCursor));

        Assert.Equal([[6, 7, 8], [3, 4, 5], [1, 2]], new[] { Ids(one), Ids(two), Ids(three) });
        Assert.Equal([false, true, true], new[] { one, two, three }.Select(page => page.PageInfo.HasNextPage));
        Assert.Equal([true, true, false], new[] { one, two, three }.Select(page => page.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task First_with_before_knows_the_rows_following_the_before_cursor()
    {
        var all = await Page(First(5));

        var overflowing = await Page(First(2, before: all.Edges[4].Cursor));
        var fitting = await Page(First(5, before: all.Edges[2].Cursor));

        Assert.Equal([1, 2], Ids(overflowing));
        Assert.Equal((true, false), (overflowing.PageInfo.HasNextPage, overflowing.PageInfo.HasPreviousPage));
        Assert.Equal([1, 2], Ids(fitting));
        Assert.Equal((true, false), (fitting.PageInfo.HasNextPage, fitting.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task Last_with_after_knows_the_rows_preceding_the_after_cursor()
    {
        var all = await Page(Last(5));

        var overflowing = await Page(Last(2, after: all.Edges[0].Cursor));
        var fitting = await Page(Last(5, after: all.Edges[2].Cursor));

        Assert.Equal([7, 8], Ids(overflowing));
        Assert.Equal((false, true), (overflowing.PageInfo.HasNextPage, overflowing.PageInfo.HasPreviousPage));
        Assert.Equal([7, 8], Ids(fitting));
        Assert.Equal((false, true), (fitting.PageInfo.HasNextPage, fitting.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task After_and_before_together_bound_the_page_on_both_sides()
    {
        var all = await Page(First(5));

        var page = await Page(First(5, after: all.Edges[1].Cursor, before: all.Edges[4].Cursor));

        Assert.Equal([3, 4], Ids(page));
        Assert.Equal((true, true), (page.PageInfo.HasNextPage, page.PageInfo.HasPreviousPage));
    }

    [Fact]
    public async Task An_empty_set_is_an_empty_page_without_cursors()
    {
        var page = await Page(First(3), where: """{ "name": { "eq": "nothing" } }""");

        Assert.Empty(page.Edges);
        Assert.Empty(page.Nodes);
        Assert.Equal(new PageInfo(false, false, null, null), page.PageInfo);
    }

    [Fact]
    public async Task Past_the_end_is_empty_with_rows_behind()
    {
        var last = await Page(Last(1));

        var page = await Page(First(3, last.PageInfo.EndCursor));

        Assert.Empty(page.Edges);
        Assert.Equal(new PageInfo(false, true, null, null), page.PageInfo);
    }

    [Fact]
    public async Task First_zero_is_empty_but_knows_rows_exist()
    {
        var page = await Page(First(0));

        Assert.Empty(page.Edges);
        Assert.True(page.PageInfo.HasNextPage);
        Assert.False(page.PageInfo.HasPreviousPage);
    }

    [Fact]
    public async Task The_max_page_size_is_allowed()
    {
        var page = await _db.PageAsync(paging: First(50));

        Assert.Equal(8, page.Edges.Count);
        Assert.False(page.PageInfo.HasNextPage);
    }

    [Theory]
    [InlineData("""[{ "price": "DESC" }]""")]
    [InlineData("""[{ "price": "ASC" }]""")]
    [InlineData("""[{ "name": "ASC" }]""")]
    [InlineData("""[{ "kind": "DESC" }, { "stock": "ASC" }]""")]
    [InlineData("""[{ "createdAt": "DESC" }]""")]
    public async Task Walking_pages_either_way_matches_the_full_sort(string order)
    {
        var full = Ids(await _db.PageAsync(order: order, paging: First(50)));

        var forward = new List<int>();
        var backward = new List<int>();
        string? cursor = null;
        do
        {
            var page = await Page(First(3, cursor), order);
            forward.AddRange(Ids(page));
            Assert.Equal(cursor is not null, page.PageInfo.HasPreviousPage);
            cursor = page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null;
        }
        while (cursor is not null);

        do
        {
            var page = await Page(Last(3, cursor), order);
            backward.InsertRange(0, Ids(page));
            Assert.Equal(cursor is not null, page.PageInfo.HasNextPage);
            cursor = page.PageInfo.HasPreviousPage ? page.PageInfo.StartCursor : null;
        }
        while (cursor is not null);

        Assert.Equal(full, forward);
        Assert.Equal(full, backward);
    }

    [Fact]
    public async Task A_cursor_stays_valid_after_inserts()
    {
        const string order = """[{ "price": "ASC" }]""";
        var one = await Page(First(3), order);
        _db.Add(WidgetDatabase.Make(9, "iota", 1.00m, 1, WidgetKind.Small, owner: 1, null));
        _db.Add(WidgetDatabase.Make(10, "kappa", 10.00m, 1, WidgetKind.Small, owner: 1, null));

        var two = await Page(First(3, one.PageInfo.EndCursor), order);

        Assert.Equal([7, 5, 1], Ids(one));
        Assert.Equal([6, 10, 2], Ids(two));
        Assert.True(two.PageInfo.HasPreviousPage);
    }

    [Fact]
    public async Task A_page_without_cursors_is_one_statement()
    {
        await Page(First(3), """[{ "price": "DESC" }]""", """{ "stock": { "gt": 0 } }""");

        Assert.Single(_db.Log.Commands);
    }

    [Fact]
    public async Task A_far_side_cursor_adds_one_exists_statement()
    {
        var one = await Page(First(3));
        _db.Log.Clear();

        await Page(First(3, one.PageInfo.EndCursor));

        Assert.Equal(2, _db.Log.Commands.Count);
        Assert.Contains("EXISTS", _db.Log.Commands[1], StringComparison.Ordinal);
    }
}
