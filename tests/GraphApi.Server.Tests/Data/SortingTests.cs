using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

public sealed class SortingTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(null, "1,2,3,4,5,6,7,8")]
    [InlineData("""[{ "price": "ASC" }]""", "7,5,1,6,2,3,4,8")]
    [InlineData("""[{ "price": "DESC" }]""", "8,4,2,3,1,6,5,7")]
    [InlineData("""[{ "kind": "ASC" }]""", "1,4,6,2,5,8,3,7")]
    [InlineData("""[{ "kind": "DESC" }, { "name": "ASC" }]""", "7,3,5,2,8,1,4,6")]
    [InlineData("""[{ "price": "DESC", "name": "ASC" }]""", "8,4,3,2,1,6,5,7")]
    [InlineData("""[{ "createdAt": "DESC" }]""", "8,7,6,5,4,3,2,1")]
    [InlineData("""[{ "stock": "ASC" }]""", "2,7,4,1,6,3,8,5")]
    [InlineData("""[{ "id": "DESC" }]""", "8,7,6,5,4,3,2,1")]
    public async Task Sorts_in_list_order_with_the_key_ascending_last(string? order, string expectedIds)
    {
        var ids = await _db.IdsAsync(order: order);

        Assert.Equal(expectedIds.Split(',').Select(int.Parse), ids);
        Assert.Contains("ORDER BY", Assert.Single(_db.Log.Commands), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direction_may_arrive_as_a_clr_enum()
    {
        var args = new ConnectionArguments
        {
            Order = [new Dictionary<string, object?> { ["price"] = Direction.Desc }],
            CursorScope = "Query.widgets",
        };

        var page = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal([8, 4, 2, 3, 1, 6, 5, 7], page.Nodes.Select(widget => widget.Id));
    }

    [Fact]
    public async Task A_nullable_sort_member_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.IdsAsync(order: """[{ "description": "ASC" }]"""));

        Assert.Contains("nullable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_override_sorts_and_filters_through_its_expression()
    {
        var mapping = new QueryableMapping<Widget>()
            .Key(widget => widget.Id)
            .Field("title", widget => widget.Name);
        var args = WidgetDatabase.Arguments(where: """{ "title": { "startsWith": "e" } }""", order: """[{ "title": "DESC" }]""");

        var page = await _db.Widgets.ToConnectionAsync(args, mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal([7, 5], page.Nodes.Select(widget => widget.Id));
    }

    private enum Direction
    {
        Asc,
        Desc,
    }
}
