using GraphApi.Server.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Server.Tests.Data.TestData;

/// <summary>A seeded SQLite database in memory (the connection stays open for its lifetime).</summary>
public sealed class WidgetDatabase : IDisposable
{
    public static readonly DateTime Day0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public WidgetDatabase()
    {
        _connection.Open();
        Context = new WidgetDbContext(new DbContextOptionsBuilder<WidgetDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(Log)
            .Options);
        Context.Database.EnsureCreated();
        Context.Widgets.AddRange(Seed());
        Context.SaveChanges();
        Context.ChangeTracker.Clear();
        Log.Clear();
    }

    public static QueryableMapping<Widget> Mapping { get; } = new QueryableMapping<Widget>().Key(widget => widget.Id);

    public static PagingOptions Options { get; } = new();

    public SqlLog Log { get; } = new();

    public WidgetDbContext Context { get; }

    public IQueryable<Widget> Widgets => Context.Widgets.AsNoTracking();

    public static IReadOnlyList<Widget> Seed() =>
    [
        Make(1, "Alpha Gear", 10.00m, 5, WidgetKind.Small, owner: 1, "first one"),
        Make(2, "beta gear", 25.50m, 0, WidgetKind.Large, owner: 1, null),
        Make(3, "Gamma Widget", 25.50m, 12, WidgetKind.SpecialEdition, owner: 2, "shiny"),
        Make(4, "delta", 99.99m, 3, WidgetKind.Small, owner: 2, null),
        Make(5, "Epsilon GEAR", 5.25m, 100, WidgetKind.Large, owner: 3, "Big"),
        Make(6, "zeta", 10.00m, 7, WidgetKind.Small, owner: 1, null),
        Make(7, "Eta", 0.99m, 1, WidgetKind.SpecialEdition, owner: 3, null),
        Make(8, "theta widget", 250.00m, 40, WidgetKind.Large, owner: 2, null),
    ];

    public async Task<Connection<Widget>> PageAsync(
        string? where = null,
        string? order = null,
        PagingArguments? paging = null,
        string scope = "Query.widgets",
        PagingOptions? options = null)
    {
        var args = Arguments(where, order, paging, scope);
        return await Widgets.ToConnectionAsync(args, Mapping, options ?? Options, CancellationToken.None);
    }

    public static ConnectionArguments Arguments(
        string? where = null, string? order = null, PagingArguments? paging = null, string scope = "Query.widgets") => new()
    {
        Paging = paging ?? new PagingArguments(null, null, null, null),
        Where = where is null ? null : GraphQLInput.Object(where),
        Order = order is null ? null : GraphQLInput.ObjectList(order),
        CursorScope = scope,
    };

    public async Task<int[]> IdsAsync(string? where = null, string? order = null, PagingArguments? paging = null) =>
        (await PageAsync(where, order, paging)).Nodes.Select(widget => widget.Id).ToArray();

    public void Add(Widget widget)
    {
        Context.Widgets.Add(widget);
        Context.SaveChanges();
        Context.ChangeTracker.Clear();
    }

    public static Widget Make(int id, string name, decimal price, int stock, WidgetKind kind, int owner, string? description) => new()
    {
        Id = id,
        Name = name,
        Price = price,
        Stock = stock,
        Kind = kind,
        CreatedAt = Day0.AddDays(id - 1),
        OwnerId = owner,
        Description = description,
    };

    public void Dispose()
    {
        Context.Dispose();
        _connection.Dispose();
    }
}
