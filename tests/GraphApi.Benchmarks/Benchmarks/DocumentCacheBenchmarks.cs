using BenchmarkDotNet.Attributes;
using GraphApi.Benchmarks.Shop;
using GraphQL;

namespace GraphApi.Benchmarks.Benchmarks;

/// <summary>
/// A products page (filter, sort, nested selection) executed with its parsed and validated document cached,
/// against the same query as a new text every time (a cache miss: parse + full validation + store).
/// Public and unsealed because BenchmarkDotNet generates code around it.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class DocumentCacheBenchmarks
{
    private const string ProductsPage = """
        query ProductsPage {
          products(first: 10, where: { stock: { gt: 10 }, priceCents: { gte: 5000 } }, order: [{ priceCents: ASC }]) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { id sku name priceCents stock } }
          }
        }
        """;

    private ShopDatabase _database = null!;
    private ShopHost _host = null!;
    private int _missNumber;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = ShopDatabase.Create();
        _host = ShopHost.Start(_database, ShopResolution.Batched);
        await _host.ExecuteCheckedAsync(ProductsPage);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _database.Dispose();
    }

    /// <summary>A trailing comment makes every text new to the cache; GraphQL ignores it.</summary>
    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> Miss() => _host.ExecuteAsync(ProductsPage + "\n# " + ++_missNumber);

    [Benchmark]
    public Task<ExecutionResult> Hit() => _host.ExecuteAsync(ProductsPage);
}
