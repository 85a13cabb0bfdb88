using GraphApi.Server.Execution;
using System.Text;
using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;
using GraphQL;

namespace GraphApi.Server.Tests.Data;

public sealed class PagingErrorTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task AssertCode(string code, PagingArguments paging, string? order = null, string scope = "Query.widgets")
    {
        var error = await Assert.ThrowsAsync<ExecutionError>(() => _db.PageAsync(order: order, paging: paging, scope: scope));

        Assert.Equal(code, error.Code);
        Assert.Empty(_db.Log.Commands);
    }

    [Theory]
    [InlineData(51, null)]
    [InlineData(null, 51)]
    public Task More_than_the_max_page_size_is_refused(int? first, int? last) =>
        AssertCode(ErrorCodes.PageSizeExceeded, new PagingArguments(first, null, last, null));

    [Theory]
    [InlineData(-1, null)]
    [InlineData(null, -1)]
    [InlineData(2, 2)]
    [InlineData(-1, 60)]
    public Task Negative_values_or_first_with_last_are_invalid(int? first, int? last) =>
        AssertCode(ErrorCodes.InvalidPagingArguments, new PagingArguments(first, null, last, null));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJTIjoiUXVlcnkud2lkZ2V0cyJ9")]
    public Task An_undecodable_cursor_is_invalid(string cursor) =>
        AssertCode(ErrorCodes.InvalidCursor, new PagingArguments(1, cursor, null, null));

    [Fact]
    public async Task A_cursor_with_a_forged_value_is_invalid()
    {
        var page = await _db.PageAsync(paging: new PagingArguments(1, null, null, null));
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(page.PageInfo.EndCursor!));
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(json.Replace("[1]", "[\"one\"]", StringComparison.Ordinal)));
        _db.Log.Clear();

        await AssertCode(ErrorCodes.InvalidCursor, new PagingArguments(1, forged, null, null));
    }

    [Fact]
    public async Task A_cursor_of_another_connection_field_is_invalid()
    {
        var page = await _db.PageAsync(paging: new PagingArguments(1, null, null, null), scope: "User.orders");
        _db.Log.Clear();

        await AssertCode(ErrorCodes.InvalidCursor, new PagingArguments(1, page.PageInfo.EndCursor, null, null));
    }

    [Theory]
    [InlineData("""[{ "price": "ASC" }]""", """[{ "price": "DESC" }]""")]
    [InlineData("""[{ "price": "ASC" }]""", """[{ "name": "ASC" }]""")]
    [InlineData(null, """[{ "price": "ASC" }]""")]
    [InlineData("""[{ "price": "ASC" }, { "name": "ASC" }]""", """[{ "price": "ASC" }]""")]
    public async Task A_cursor_made_under_another_order_is_invalid(string? madeUnder, string usedUnder)
    {
        var page = await _db.PageAsync(order: madeUnder, paging: new PagingArguments(1, null, null, null));
        _db.Log.Clear();

        await AssertCode(ErrorCodes.InvalidCursor, new PagingArguments(null, null, 1, page.PageInfo.EndCursor), usedUnder);
    }
}
