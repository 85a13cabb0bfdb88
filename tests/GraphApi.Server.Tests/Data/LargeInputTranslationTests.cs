using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;

namespace GraphApi.Server.Tests.Data;

/// <summary>
/// Inputs far beyond the default input limits (an operator may raise them) translate into shallow expression
/// trees and run: EF Core walks expression trees recursively, and a deep one kills the process with a stack
/// overflow that no catch can stop. The depth tests prove the shape before the SQLite tests run such inputs.
/// Seed stocks by id: 1→5, 2→0, 3→12, 4→3, 5→100, 6→7, 7→1, 8→40.
/// </summary>
public sealed class LargeInputTranslationTests : IDisposable
{
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>Lambda, then the joins, then one comparison (GreaterThan over a member access and a parameter holder).</summary>
    private static readonly int ComparisonDepth =
        ExpressionDepth.Of(FilterExpressionBuilder.Build(Operator("stock", "gt", 1), WidgetDatabase.Mapping)!) - 1;

    [Theory]
    [InlineData("or", 1, 0)]
    [InlineData("or", 2, 1)]
    [InlineData("or", 3, 2)]
    [InlineData("or", 1_024, 10)]
    [InlineData("or", 1_025, 11)]
    [InlineData("or", 10_000, 14)]
    [InlineData("and", 60_000, 16)]
    [InlineData("or", 100_000, 17)]
    public void Object_level_and_or_lists_become_balanced_trees(string combinator, int entries, int joinLevels)
    {
        var where = Entries(combinator, entries, i => Operator("stock", "gt", i));

        var predicate = FilterExpressionBuilder.Build(where, WidgetDatabase.Mapping)!;

        // ceil(log2 entries) levels of OrElse/AndAlso; a chain would be `entries` deep.
        Assert.Equal(1 + joinLevels + ComparisonDepth, ExpressionDepth.Of(predicate));
    }

    [Fact]
    public void Operator_level_or_lists_become_balanced_trees()
    {
        var where = new Dictionary<string, object?>
        {
            ["stock"] = new Dictionary<string, object?>
            {
                ["or"] = Enumerable.Range(0, 10_000).Select(i => (object?)new Dictionary<string, object?> { ["gt"] = i }).ToArray(),
            },
        };

        Assert.Equal(1 + 14 + ComparisonDepth, ExpressionDepth.Of(FilterExpressionBuilder.Build(where, WidgetDatabase.Mapping)!));
    }

    [Fact]
    public void Equalities_of_one_field_in_an_or_become_one_in()
    {
        var objectLevel = Entries("or", 10_000, i => Eq("stock", i));
        var operatorLevel = new Dictionary<string, object?>
        {
            ["stock"] = new Dictionary<string, object?>
            {
                ["or"] = Enumerable.Range(0, 10_000).Select(i => (object?)new Dictionary<string, object?> { ["eq"] = i }).ToArray(),
            },
        };
        var single = Operator("stock", "in", new object?[] { 1, 2 });

        var expected = ExpressionDepth.Of(FilterExpressionBuilder.Build(single, WidgetDatabase.Mapping)!);
        Assert.Equal(expected, ExpressionDepth.Of(FilterExpressionBuilder.Build(objectLevel, WidgetDatabase.Mapping)!));
        Assert.Equal(expected, ExpressionDepth.Of(FilterExpressionBuilder.Build(operatorLevel, WidgetDatabase.Mapping)!));
    }

    [Fact]
    public async Task A_10_000_entry_or_runs_on_sqlite()
    {
        // Equalities (gathered into one IN) mixed with another test.
        var values = Enumerable.Range(1_000, 9_996).Append(3).Append(7).ToArray();
        var where = Entries("or", values.Length + 1, i => i == 0 ? Operator("stock", "gte", 100) : Eq("stock", values[i - 1]));

        var ids = await IdsAsync(where);

        Assert.Equal([4, 5, 6], ids);
        var sql = Assert.Single(_db.Log.Commands);
        Assert.Contains("json_each(", sql, StringComparison.Ordinal);
        Assert.InRange(sql.Count(c => c == '@'), 1, 5);
    }

    [Fact]
    public async Task An_or_of_900_comparisons_runs_on_sqlite()
    {
        // Not gathered into an IN: SQLite parses the OR as a chain and refuses one nested over 1,000 deep (README).
        var where = Entries("or", 900, i => i == 0 ? Operator("stock", "gte", 100) : Operator("stock", "lt", -i));

        var ids = await IdsAsync(where);

        Assert.Equal([5], ids);
    }

    [Fact]
    public async Task Forty_thousand_in_values_are_one_parameter_on_sqlite()
    {
        var values = Enumerable.Range(1_000, 39_998).Append(0).Append(12).Select(v => (object?)v).ToArray();

        var matching = await IdsAsync(Operator("stock", "in", values));
        var others = await IdsAsync(Operator("stock", "nin", values));

        Assert.Equal([2, 3], matching);
        Assert.Equal([1, 4, 5, 6, 7, 8], others);
        // SQLite allows 32,766 parameters: one per value could not run at all.
        Assert.All(_db.Log.Commands, sql => Assert.Contains("json_each(", sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_lists_run_on_plain_linq_sources_too()
    {
        var args = new ConnectionArguments { Where = Operator("stock", "in", new object?[] { 5, 7, 99 }), CursorScope = "Query.widgets" };

        var page = await WidgetDatabase.Seed().AsQueryable()
            .ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal([1, 6], page.Nodes.Select(widget => widget.Id));
    }

    [Fact]
    public void A_member_sorted_again_is_dropped_so_the_sort_has_one_entry_per_member()
    {
        var repeated = Enumerable.Range(0, 60_000).Select(i => Sort((i % 3) switch
        {
            0 => ("stock", "DESC"),
            1 => ("name", "ASC"),
            _ => ("stock", "ASC"), // stock again, the other way: its first occurrence already decides
        })).ToArray();

        var sort = SortSpec<Widget>.Parse(repeated, WidgetDatabase.Mapping);
        var distinct = SortSpec<Widget>.Parse([Sort(("stock", "DESC")), Sort(("name", "ASC"))], WidgetDatabase.Mapping);

        Assert.Equal(["stock:desc", "name:asc", "(key):asc"], sort.Fields.Select(f => $"{f.Member.GraphQLName}:{(f.Descending ? "desc" : "asc")}"));
        Assert.Equal(distinct.Signature, sort.Signature); // cursors of either order are interchangeable
    }

    [Fact]
    public async Task A_60_000_entry_order_runs_on_sqlite_with_cursors()
    {
        var order = Enumerable.Range(0, 60_000).Select(i => Sort(i % 2 == 0 ? (Field: "price", Direction: "DESC") : (Field: "stock", Direction: "ASC"))).ToArray();
        var args = new ConnectionArguments { Order = order, CursorScope = "Query.widgets", Paging = new(3, null, null, null) };

        var first = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);
        var next = await _db.Widgets.ToConnectionAsync(
            new ConnectionArguments { Order = order, CursorScope = "Query.widgets", Paging = new(3, first.PageInfo.EndCursor, null, null) },
            WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        // price DESC, then stock ASC: 250.00 (8), 99.99 (4), 25.50 stock 0 (2) | 25.50 stock 12 (3), 10.00 stock 5 (1), 10.00 stock 7 (6).
        Assert.Equal([8, 4, 2], first.Nodes.Select(widget => widget.Id));
        Assert.Equal([3, 1, 6], next.Nodes.Select(widget => widget.Id));
    }

    private static IDictionary<string, object?> Eq(string field, object value) => Operator(field, "eq", value);

    private static IDictionary<string, object?> Operator(string field, string operation, object? value) =>
        new Dictionary<string, object?> { [field] = new Dictionary<string, object?> { [operation] = value } };

    private static IDictionary<string, object?> Entries(string combinator, int count, Func<int, IDictionary<string, object?>> entry) =>
        new Dictionary<string, object?> { [combinator] = Enumerable.Range(0, count).Select(i => (object?)entry(i)).ToArray() };

    private static IDictionary<string, object?> Sort((string Field, string Direction) entry) =>
        new Dictionary<string, object?> { [entry.Field] = entry.Direction };

    private async Task<int[]> IdsAsync(IDictionary<string, object?> where)
    {
        var args = new ConnectionArguments { Where = where, CursorScope = "Query.widgets", Paging = new(50, null, null, null) };
        var page = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);
        return page.Nodes.Select(widget => widget.Id).ToArray();
    }
}
