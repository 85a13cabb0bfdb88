using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

public sealed class FilteringTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task AssertIds(string where, string expectedIds)
    {
        var expected = expectedIds.Length == 0 ? [] : expectedIds.Split(',').Select(int.Parse).ToArray();
        Assert.Equal(expected, await _db.IdsAsync(where));
    }

    [Theory]
    [InlineData("""{ "name": { "eq": "delta" } }""", "4")]
    [InlineData("""{ "name": { "eq": "Delta" } }""", "")]
    [InlineData("""{ "name": { "neq": "delta" } }""", "1,2,3,5,6,7,8")]
    [InlineData("""{ "name": { "in": ["zeta", "Eta", "ETA"] } }""", "6,7")]
    [InlineData("""{ "name": { "nin": ["zeta", "Eta"] } }""", "1,2,3,4,5,8")]
    [InlineData("""{ "name": { "contains": "GEAR" } }""", "1,2,5")]
    [InlineData("""{ "name": { "contains": "Ta" } }""", "2,4,6,7,8")]
    [InlineData("""{ "name": { "ncontains": "gear" } }""", "3,4,6,7,8")]
    [InlineData("""{ "name": { "startsWith": "e" } }""", "5,7")]
    [InlineData("""{ "name": { "nstartsWith": "E" } }""", "1,2,3,4,6,8")]
    [InlineData("""{ "name": { "endsWith": "WIDGET" } }""", "3,8")]
    [InlineData("""{ "name": { "nendsWith": "widget" } }""", "1,2,4,5,6,7")]
    [InlineData("""{ "name": { "contains": "%" } }""", "")]
    [InlineData("""{ "description": { "eq": null } }""", "2,4,6,7,8")]
    [InlineData("""{ "description": { "neq": null } }""", "1,3,5")]
    [InlineData("""{ "description": { "contains": "I" } }""", "1,3,5")]
    [InlineData("""{ "description": { "ncontains": "I" } }""", "2,4,6,7,8")]
    [InlineData("""{ "description": { "nstartsWith": "b" } }""", "1,2,3,4,6,7,8")]
    public Task String_operations(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Theory]
    [InlineData("""{ "stock": { "eq": 0 } }""", "2")]
    [InlineData("""{ "stock": { "neq": 0 } }""", "1,3,4,5,6,7,8")]
    [InlineData("""{ "stock": { "in": [1, 3] } }""", "4,7")]
    [InlineData("""{ "stock": { "nin": [1, 3, 0] } }""", "1,3,5,6,8")]
    [InlineData("""{ "stock": { "gt": 12 } }""", "5,8")]
    [InlineData("""{ "stock": { "ngt": 12 } }""", "1,2,3,4,6,7")]
    [InlineData("""{ "stock": { "gte": 12 } }""", "3,5,8")]
    [InlineData("""{ "stock": { "ngte": 12 } }""", "1,2,4,6,7")]
    [InlineData("""{ "stock": { "lt": 3 } }""", "2,7")]
    [InlineData("""{ "stock": { "nlt": 3 } }""", "1,3,4,5,6,8")]
    [InlineData("""{ "stock": { "lte": 3 } }""", "2,4,7")]
    [InlineData("""{ "stock": { "nlte": 3 } }""", "1,3,5,6,8")]
    public Task Int_operations(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Theory]
    [InlineData("""{ "price": { "eq": 25.5 } }""", "2,3")]
    [InlineData("""{ "price": { "neq": 25.50 } }""", "1,4,5,6,7,8")]
    [InlineData("""{ "price": { "in": [10, 0.99] } }""", "1,6,7")]
    [InlineData("""{ "price": { "nin": [10, 0.99] } }""", "2,3,4,5,8")]
    [InlineData("""{ "price": { "gt": 25.5 } }""", "4,8")]
    [InlineData("""{ "price": { "ngt": 25.5 } }""", "1,2,3,5,6,7")]
    [InlineData("""{ "price": { "gte": 25.5 } }""", "2,3,4,8")]
    [InlineData("""{ "price": { "ngte": 25.5 } }""", "1,5,6,7")]
    [InlineData("""{ "price": { "lt": 10 } }""", "5,7")]
    [InlineData("""{ "price": { "nlt": 10 } }""", "1,2,3,4,6,8")]
    [InlineData("""{ "price": { "lte": 10 } }""", "1,5,6,7")]
    [InlineData("""{ "price": { "nlte": 10 } }""", "2,3,4,8")]
    public Task Decimal_operations_on_a_cents_column(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Theory]
    [InlineData("""{ "createdAt": { "eq": "2026-01-03T12:00:00.000Z" } }""", "3")]
    [InlineData("""{ "createdAt": { "neq": "2026-01-03T12:00:00.000Z" } }""", "1,2,4,5,6,7,8")]
    [InlineData("""{ "createdAt": { "in": ["2026-01-01T12:00:00Z", "2026-01-02T13:00:00+01:00"] } }""", "1,2")]
    [InlineData("""{ "createdAt": { "gt": "2026-01-03T12:00:00.000Z" } }""", "4,5,6,7,8")]
    [InlineData("""{ "createdAt": { "ngt": "2026-01-03T12:00:00.000Z" } }""", "1,2,3")]
    [InlineData("""{ "createdAt": { "gte": "2026-01-03T12:00:00.000Z" } }""", "3,4,5,6,7,8")]
    [InlineData("""{ "createdAt": { "ngte": "2026-01-03T12:00:00.000Z" } }""", "1,2")]
    [InlineData("""{ "createdAt": { "lt": "2026-01-03T12:00:00.000Z" } }""", "1,2")]
    [InlineData("""{ "createdAt": { "nlt": "2026-01-03T12:00:00.000Z" } }""", "3,4,5,6,7,8")]
    [InlineData("""{ "createdAt": { "lte": "2026-01-03T12:00:00.000Z" } }""", "1,2,3")]
    [InlineData("""{ "createdAt": { "nlte": "2026-01-03T12:00:00.000Z" } }""", "4,5,6,7,8")]
    public Task DateTime_operations(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Theory]
    [InlineData("""{ "kind": { "eq": "LARGE" } }""", "2,5,8")]
    [InlineData("""{ "kind": { "neq": "LARGE" } }""", "1,3,4,6,7")]
    [InlineData("""{ "kind": { "in": ["SMALL", "SPECIAL_EDITION"] } }""", "1,3,4,6,7")]
    [InlineData("""{ "kind": { "nin": ["SMALL"] } }""", "2,3,5,7,8")]
    [InlineData("""{ "kind": { "gt": "LARGE" } }""", "3,7")]
    public Task Enum_operations_by_GraphQL_name(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Theory]
    [InlineData("""{ "or": [{ "name": { "eq": "delta" } }, { "stock": { "gt": 50 } }] }""", "4,5")]
    [InlineData("""{ "and": [{ "price": { "gte": 10 } }, { "price": { "lte": 25.5 } }], "kind": { "eq": "SMALL" } }""", "1,6")]
    [InlineData("""{ "stock": { "or": [{ "lt": 1 }, { "gt": 50 }] } }""", "2,5")]
    [InlineData("""{ "name": { "and": [{ "contains": "e" }, { "nendsWith": "gear" }] } }""", "3,4,6,7,8")]
    [InlineData("""{ "and": [{ "or": [{ "kind": { "eq": "SMALL" } }, { "kind": { "eq": "SPECIAL_EDITION" } }] }, { "stock": { "gte": 5 } }] }""", "1,3,6")]
    [InlineData("""{ "stock": { "gte": 3, "lte": 12 } }""", "1,3,4,6")]
    [InlineData("""{ "or": [] }""", "1,2,3,4,5,6,7,8")]
    [InlineData("""{ }""", "1,2,3,4,5,6,7,8")]
    [InlineData("""{ "name": { } }""", "1,2,3,4,5,6,7,8")]
    [InlineData("""{ "name": null }""", "1,2,3,4,5,6,7,8")]
    public Task And_or_nesting(string where, string expectedIds) => AssertIds(where, expectedIds);

    [Fact]
    public async Task Values_arrive_as_the_clr_types_graphql_dotnet_may_hand_over()
    {
        var where = new Dictionary<string, object?>
        {
            ["price"] = new Dictionary<string, object?> { ["gt"] = 9.99d, ["lt"] = 100L },
            ["createdAt"] = new Dictionary<string, object?> { ["gte"] = new DateTimeOffset(2026, 1, 4, 13, 0, 0, TimeSpan.FromHours(1)) },
            ["kind"] = new Dictionary<string, object?> { ["in"] = new List<object?> { WidgetKind.Small, "LARGE" } },
        };
        var args = new ConnectionArguments { Where = where, CursorScope = "Query.widgets" };

        var page = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal([4, 6], page.Nodes.Select(widget => widget.Id));
    }

    [Fact]
    public async Task The_same_filter_runs_in_memory_for_plain_linq_sources()
    {
        var args = WidgetDatabase.Arguments(
            where: """{ "description": { "ncontains": "I" }, "name": { "contains": "TA" }, "price": { "gt": 5 } }""",
            order: """[{ "price": "DESC" }]""");

        var inMemory = await WidgetDatabase.Seed().AsQueryable()
            .ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);
        var inSql = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal([8, 4, 2, 6], inMemory.Nodes.Select(widget => widget.Id));
        Assert.Equal(inMemory.Nodes.Select(widget => widget.Id), inSql.Nodes.Select(widget => widget.Id));
    }

    [Fact]
    public async Task Filter_values_are_sent_as_parameters()
    {
        await _db.IdsAsync("""{ "name": { "eq": "secret-name" }, "price": { "gt": 12.34 }, "description": { "contains": "Hidden" } }""");

        var sql = Assert.Single(_db.Log.Commands);
        Assert.DoesNotContain("secret", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hidden", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234", sql, StringComparison.Ordinal);
        Assert.Contains("lower(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmapped_field_is_a_clear_programming_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.IdsAsync("""{ "colour": { "eq": "red" } }"""));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }
}
