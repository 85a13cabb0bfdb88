using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

public sealed class TotalCountTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_count_runs_once_and_only_when_asked()
    {
        var page = await _db.PageAsync(where: """{ "stock": { "gt": 0 } }""", paging: new PagingArguments(2, null, null, null));
        Assert.Single(_db.Log.Commands);

        var first = await page.GetTotalCountAsync(CancellationToken.None);
        var second = await page.GetTotalCountAsync(CancellationToken.None);

        Assert.Equal((7, 7), (first, second));
        Assert.Equal(2, _db.Log.Commands.Count);
        Assert.Contains("COUNT", _db.Log.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_count_ignores_cursors_and_page_size()
    {
        const string where = """{ "price": { "gte": 10 } }""";
        var one = await _db.PageAsync(where: where, paging: new PagingArguments(2, null, null, null));

        var two = await _db.PageAsync(where: where, paging: new PagingArguments(null, one.PageInfo.EndCursor, 1, null));

        Assert.Equal(6, await two.GetTotalCountAsync(CancellationToken.None));
    }
}
