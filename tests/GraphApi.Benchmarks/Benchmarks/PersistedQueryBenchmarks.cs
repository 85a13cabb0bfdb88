using BenchmarkDotNet.Attributes;
using GraphApi.Benchmarks.Shop;
using GraphApi.Server.Execution.PersistedOperations;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Benchmarks.Benchmarks;

/// <summary>
/// A products page sent as text (a document cache hit) against the same page sent as an automatic persisted query
/// hash alone (an APQ store hit, then the same cache hit): what resolving a hash adds to a request. Both go through
/// the whole pipeline (cache, limits, cost, validation, execution on SQLite) as the HTTP transport runs it. The
/// <c>{ __typename }</c> pair touches no database, so the pipeline's own overhead shows instead of SQLite's time.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class PersistedQueryBenchmarks
{
    private const string ProductsPage = """
        query ProductsPage {
          products(first: 10, where: { stock: { gt: 10 }, priceCents: { gte: 5000 } }, order: [{ priceCents: ASC }]) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { id sku name priceCents stock } }
          }
        }
        """;

    private const string Typename = "query Typename { __typename }";

    private static readonly Inputs PersistedQuery = Apq(ProductsPage);
    private static readonly Inputs PersistedTypename = Apq(Typename);

    private ShopDatabase _database = null!;
    private ShopHost _host = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = ShopDatabase.Create();
        _host = ShopHost.Start(_database, ShopResolution.Batched, server => server.AddPersistedOperations(o => o.Automatic = true));
        await _host.ExecuteCheckedAsync(ProductsPage);
        // Registers the hash: the text with its hash, as an Apollo client sends it after PERSISTED_QUERY_NOT_FOUND.
        await CheckedAsync(new GraphQLRequest { Query = ProductsPage, Extensions = PersistedQuery });
        await CheckedAsync(new GraphQLRequest { Extensions = PersistedQuery });
        await CheckedAsync(new GraphQLRequest { Query = Typename, Extensions = PersistedTypename });
        await CheckedAsync(new GraphQLRequest { Extensions = PersistedTypename });
    }

    private static Inputs Apq(string query) => new(new Dictionary<string, object?>
    {
        ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1, ["sha256Hash"] = DocumentHash.Of(query) },
    });

    private async Task CheckedAsync(GraphQLRequest request)
    {
        if ((await _host.ExecuteAsync(request)).Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("Benchmark request failed: " + string.Join("; ", errors.Select(e => e.Message)));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _database.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> Text() => _host.ExecuteAsync(new GraphQLRequest { Query = ProductsPage });

    [Benchmark]
    public Task<ExecutionResult> ApqHit() => _host.ExecuteAsync(new GraphQLRequest { Extensions = PersistedQuery });

    [Benchmark]
    public Task<ExecutionResult> TypenameText() => _host.ExecuteAsync(new GraphQLRequest { Query = Typename });

    [Benchmark]
    public Task<ExecutionResult> TypenameApqHit() => _host.ExecuteAsync(new GraphQLRequest { Extensions = PersistedTypename });
}
