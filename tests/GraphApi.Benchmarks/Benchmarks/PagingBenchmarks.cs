using BenchmarkDotNet.Attributes;
using GraphApi.Benchmarks.Shop;
using GraphApi.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Benchmarks.Benchmarks;

/// <summary>
/// A 50-row page <see cref="Depth"/> rows into a 100,000-row table: the runtime's keyset connection
/// (<c>first: 50, after: cursor</c>) against <c>ORDER BY Id LIMIT 51 OFFSET Depth</c> (51 rows, as the
/// connection fetches one extra to settle hasNextPage).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class PagingBenchmarks
{
    private const int PageSize = 50;
    private const string CursorScope = "Query.products";

    private ShopDatabase _database = null!;
    private ShopHost _host = null!;
    private IDbContextFactory<ShopDbContext> _contexts = null!;
    private QueryableMapping<Product> _mapping = null!;
    private PagingOptions _paging = null!;
    private string _cursor = "";

    [Params(1_000, 50_000, 99_000)]
    public int Depth { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = ShopDatabase.Create();
        _host = ShopHost.Start(_database, ShopResolution.Batched);
        _contexts = _host.Services.GetRequiredService<IDbContextFactory<ShopDbContext>>();
        _mapping = _host.Services.GetRequiredService<QueryableMapping<Product>>();
        _paging = _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PagingOptions>>().Value;
        _cursor = await CursorOfRowAsync(Depth);

        var keyset = await KeysetPageAsync();
        var offset = await OffsetPageAsync();
        if (keyset.Nodes.Count != PageSize || !keyset.Nodes.Select(p => p.Id).SequenceEqual(offset.Take(PageSize).Select(p => p.Id)))
        {
            throw new InvalidOperationException("Keyset and OFFSET pages differ: the comparison would be meaningless.");
        }
    }

    /// <summary>A filter does not scope cursors, so the cursor of the row with key <paramref name="id"/> can be read directly.</summary>
    private async Task<string> CursorOfRowAsync(int id)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var where = new Dictionary<string, object?> { ["id"] = new Dictionary<string, object?> { ["eq"] = id } };
        var page = await db.Products.AsNoTracking().ToConnectionAsync(
            new ConnectionArguments { Where = where, CursorScope = CursorScope }, _mapping, _paging, CancellationToken.None);
        return page.Edges.Single().Cursor;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _database.Dispose();
    }

    /// <summary>Returns the first row's key so the page is consumed (the row type is internal).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Offset() => (await OffsetPageAsync())[0].Id;

    [Benchmark]
    public async Task<int> Keyset() => (await KeysetPageAsync()).Nodes[0].Id;

    private async Task<List<Product>> OffsetPageAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Products.AsNoTracking().OrderBy(p => p.Id).Skip(Depth).Take(PageSize + 1).ToListAsync();
    }

    private async Task<Connection<Product>> KeysetPageAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var args = new ConnectionArguments { Paging = new PagingArguments(PageSize, _cursor, null, null), CursorScope = CursorScope };
        return await db.Products.AsNoTracking().ToConnectionAsync(args, _mapping, _paging, CancellationToken.None);
    }
}
