using System.Globalization;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// <c>load --url http://127.0.0.1:5080 --signing-key KEY [--issuer GraphApi] [--audience GraphApi] [--clients 8]
/// [--seconds 20] [--warmup 3]</c>: mints an ADMIN token with the server's signing key, then drives <c>/health/live</c> (the baseline), a products page and an authenticated orders query
/// one after another and prints a Markdown table. Loopback only: it refuses any other host.
/// </summary>
internal static class LoadRun
{
    private const string ProductsPage = """
        query ProductsPage {
          products(first: 20, where: { stock: { gt: 0 } }, order: [{ price: ASC }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { id sku name price stock createdAt }
          }
        }
        """;

    private const string MyOrders = """
        query OrdersWithDetails {
          orders(first: 20, order: [{ createdAt: DESC }]) {
            nodes { id status total createdAt customer { id username } items { quantity unitPrice lineTotal product { id name } } }
          }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args);
        var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080"));
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine("The load run only targets loopback addresses.");
            return 2;
        }

        var clients = int.Parse(options.GetValueOrDefault("clients", "8"), CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = url };
        var token = AdminToken.Create(
            options["signing-key"], options.GetValueOrDefault("issuer", "GraphApi"), options.GetValueOrDefault("audience", "GraphApi"),
            TimeSpan.FromMinutes(30));
        LoadScenario[] scenarios =
        [
            LoadScenario.Get("GET /health/live (baseline)", "/health/live"),
            LoadScenario.GraphQL("products page (anonymous)", ProductsPage),
            LoadScenario.GraphQL("orders + customer + items (admin token)", MyOrders, token),
        ];

        var driver = new LoadDriver(http);
        var results = new List<LoadResult>();
        foreach (var scenario in scenarios)
        {
            await driver.RunAsync(scenario, clients, warmup); // JIT, connection pool, caches
            var result = await driver.RunAsync(scenario, clients, seconds);
            Console.Error.WriteLine($"{scenario.Name}: {result.Succeeded} ok, {result.Failed} failed");
            results.Add(result);
        }

        Print(results, clients, seconds);
        return results.Any(r => r.Failed > 0 || r.Succeeded == 0) ? 1 : 0;
    }

    private static void Print(List<LoadResult> results, int clients, TimeSpan duration)
    {
        var baseline = results[0].Throughput;
        Console.WriteLine($"{clients} clients, {duration.TotalSeconds:0} s per scenario, closed loop over loopback HTTP/1.1");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Requests | Failed | Req/s | Ratio (req/s vs baseline) | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Succeeded} | {r.Failed} | {r.Throughput:0.0} | {r.Throughput / baseline:0.000} | {r.Percentile(50):0.00} | {r.Percentile(99):0.00} |"));
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
