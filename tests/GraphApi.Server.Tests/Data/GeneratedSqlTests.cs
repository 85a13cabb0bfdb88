using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Data;

/// <summary>Pins the SQL EF Core generates for SQLite, so a translation change (e.g. to client evaluation) shows up.</summary>
public sealed class GeneratedSqlTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Page_exists_and_count_statements()
    {
        const string order = """[{ "price": "DESC" }, { "kind": "ASC" }]""";
        const string where = """{ "name": { "contains": "e" }, "or": [{ "price": { "gte": 5 } }, { "kind": { "in": ["LARGE"] } }] }""";
        var one = await _db.PageAsync(where, order, new PagingArguments(2, null, null, null));
        var two = await _db.PageAsync(where, order, new PagingArguments(2, one.PageInfo.EndCursor, null, null));
        await two.GetTotalCountAsync(CancellationToken.None);

        Snapshot.Match(_db.Log.Commands);
    }

    [Fact]
    public async Task Grouped_pages_and_count_statements()
    {
        var pages = await _db.Widgets.ToGroupedConnectionsAsync(
            widget => widget.OwnerId,
            [1, 2, 3],
            WidgetDatabase.Arguments(order: """[{ "name": "ASC" }]""", paging: new PagingArguments(null, null, 2, null)),
            WidgetDatabase.Mapping,
            WidgetDatabase.Options,
            CancellationToken.None);
        await pages[1].GetTotalCountAsync(CancellationToken.None);

        Snapshot.Match(_db.Log.Commands);
    }
}
