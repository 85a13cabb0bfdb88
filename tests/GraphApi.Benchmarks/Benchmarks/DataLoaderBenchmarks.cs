using BenchmarkDotNet.Attributes;
using GraphApi.Benchmarks.Shop;
using GraphQL;

namespace GraphApi.Benchmarks.Benchmarks;

/// <summary>
/// <c>orders(first: 50) { customer items { product } }</c> on a real SQLite file: per-request DataLoaders
/// (one statement per level) against resolvers that query once per parent (N+1). Same schema, same data.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class DataLoaderBenchmarks
{
    private const string OrdersWithDetails = """
        {
          orders(first: 50) {
            nodes { id totalCents customer { id name } items { quantity product { id name priceCents } } }
          }
        }
        """;

    private ShopDatabase _database = null!;
    private ShopHost _batched = null!;
    private ShopHost _perParent = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = ShopDatabase.Create();
        _batched = ShopHost.Start(_database, ShopResolution.Batched);
        _perParent = ShopHost.Start(_database, ShopResolution.PerParent);
        await ReportStatementsAsync(_batched, nameof(DataLoaders));
        await ReportStatementsAsync(_perParent, nameof(NPlusOne));
    }

    private static async Task ReportStatementsAsync(ShopHost host, string name)
    {
        await host.ExecuteCheckedAsync(OrdersWithDetails); // warms the document cache and EF's query cache
        host.Statements.Reset();
        await host.ExecuteCheckedAsync(OrdersWithDetails);
        Console.WriteLine($"// {name}: {host.Statements.Count} SQL statements per request");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batched.Dispose();
        _perParent.Dispose();
        _database.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> NPlusOne() => _perParent.ExecuteAsync(OrdersWithDetails);

    [Benchmark]
    public Task<ExecutionResult> DataLoaders() => _batched.ExecuteAsync(OrdersWithDetails);
}
