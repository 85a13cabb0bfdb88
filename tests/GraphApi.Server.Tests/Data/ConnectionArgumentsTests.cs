using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;
using GraphQL;
using GraphQL.Types;

namespace GraphApi.Server.Tests.Data;

/// <summary>Reads arguments exactly as schema-first GraphQL.NET delivers them, then runs them against SQLite.</summary>
public sealed class ConnectionArgumentsTests : IDisposable
{
    private const string Sdl = """
        enum SortEnumType { ASC DESC }
        enum WidgetKind { SMALL LARGE SPECIAL_EDITION }
        input KindFilter { eq: WidgetKind in: [WidgetKind!] }
        input NameFilter { contains: String eq: String }
        input PriceFilter { gt: Decimal }
        input WidgetFilter { and: [WidgetFilter!] or: [WidgetFilter!] name: NameFilter kind: KindFilter price: PriceFilter }
        input WidgetSort { name: SortEnumType price: SortEnumType kind: SortEnumType }
        type Query {
          widgets(first: Int, after: String, last: Int, before: String, where: WidgetFilter, order: [WidgetSort!]): [Int!]!
        }
        """;

    private static readonly ISchema Schema = GraphQL.Types.Schema.For(Sdl, builder => builder.Types.Include<WidgetQuery>());
    private readonly WidgetDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Arguments_from_a_schema_first_field_filter_sort_and_page()
    {
        var args = await CaptureAsync("""
            { widgets(first: 2, where: { or: [{ kind: { in: [LARGE, SPECIAL_EDITION] } }, { name: { contains: "ALPHA" } }], price: { gt: 1.5 } },
                      order: [{ kind: DESC }, { price: ASC }]) }
            """);

        var page = await _db.Widgets.ToConnectionAsync(args, WidgetDatabase.Mapping, WidgetDatabase.Options, CancellationToken.None);

        Assert.Equal("Query.widgets", args.CursorScope);
        Assert.Equal(new PagingArguments(2, null, null, null), args.Paging);
        Assert.Equal([3, 5], page.Nodes.Select(widget => widget.Id));
        Assert.Equal(5, await page.GetTotalCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cursor_and_last_arguments_are_read()
    {
        var args = await CaptureAsync("""{ widgets(last: 3, before: "abc") }""");

        Assert.Equal(new PagingArguments(null, null, 3, "abc"), args.Paging);
        Assert.Null(args.Where);
        Assert.Null(args.Order);
    }

    private static async Task<ConnectionArguments> CaptureAsync(string query)
    {
        var userContext = new Dictionary<string, object?>();
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = Schema;
            options.Query = query;
            options.UserContext = userContext;
        });

        Assert.True(result.Errors is null, string.Join("; ", result.Errors?.Select(e => e.Message + " " + e.InnerException) ?? []));
        return Assert.IsType<ConnectionArguments>(userContext[nameof(ConnectionArguments)]);
    }

    [GraphQLMetadata("Query")]
    private sealed class WidgetQuery
    {
        public int[] Widgets(IResolveFieldContext context)
        {
            context.UserContext[nameof(ConnectionArguments)] = ConnectionArguments.FromContext(context);
            return [];
        }
    }
}
