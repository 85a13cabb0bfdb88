using System.Globalization;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// <c>load --url http://127.0.0.1:5080 --signing-key KEY [--raw-url http://127.0.0.1:5081] [--node-url http://127.0.0.1:5082]
/// [--issuer GraphApi] [--audience GraphApi] [--clients 32] [--seconds 8] [--rounds 2] [--warmup 3] [--only S1,raw]</c>:
/// restocks the seeded catalogue, mints tokens with the server's signing key, then drives S1 (products page,
/// anonymous), S2 (orders with customer and items.product, ADMIN), S3 (<c>placeOrder</c> of 1–3 random lines by random
/// customers); given <c>--node-url</c>, the same S1–S3 against the Node comparison server (Load/NodeBaseline, on the
/// same database); given <c>--raw-url</c>, the raw minimal-API baseline of S1. Prints a Markdown table with
/// p50/p95/p99, then ours ÷ Node per scenario and S1 ÷ raw. Loopback only: it refuses any other host.
/// </summary>
internal static class LoadRun
{
    private const string NodeSide = " (Node: Mercurius + graphql-jit)";
    private const string RawName = "raw minimal API: S1's JSON from the same EF Core query";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args);
        var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080"));
        var rawUrl = options.TryGetValue("raw-url", out var raw) ? new Uri(raw) : null;
        var nodeUrl = options.TryGetValue("node-url", out var node) ? new Uri(node) : null;
        if (!url.IsLoopback || rawUrl is { IsLoopback: false } || nodeUrl is { IsLoopback: false })
        {
            Console.Error.WriteLine("The load run only targets loopback addresses.");
            return 2;
        }

        var clients = int.Parse(options.GetValueOrDefault("clients", "32"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "2"), CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "8"), CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = url };
        var tokens = new AccessToken(
            options["signing-key"], options.GetValueOrDefault("issuer", "GraphApi"), options.GetValueOrDefault("audience", "GraphApi"));
        var admin = tokens.Create(1, "loadadmin", "ADMIN");
        var data = await LoadData.PrepareAsync(http, admin);
        Console.Error.WriteLine($"Load data: {data.ProductIds.Count} products (restocked), {data.Customers.Count} customers.");

        var customerTokens = data.Customers.Select(c => tokens.Create(c.Id, c.Username, "CUSTOMER")).ToArray();
        LoadScenario[] Scenarios(string side) =>
        [
            LoadScenario.GraphQL("S1 products(first: 20), anonymous" + side, LoadQueries.S1Products),
            LoadScenario.GraphQL("S2 orders(first: 50) + customer + items.product, ADMIN" + side, LoadQueries.S2Orders, admin),
            LoadScenario.GraphQL("S3 placeOrder, 1–3 random lines, random customer" + side,
                () => (LoadQueries.S3PlaceOrder, RandomOrder(data.ProductIds), customerTokens[Random.Shared.Next(customerTokens.Length)]),
                body => LoadScenario.HasNoGraphQLErrors(body) && body.Contains("\"order\":{", StringComparison.Ordinal)),
        ];

        using var nodeHttp = nodeUrl is null ? null : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = nodeUrl };
        var runs = new List<(LoadScenario Scenario, HttpClient Client)>();
        var ours = Scenarios("");
        var nodes = Scenarios(NodeSide);
        for (var i = 0; i < ours.Length; i++)
        {
            // Each of our scenarios next to Node's, so both sides of a ratio run close together in time.
            runs.Add((ours[i], http));
            if (nodeHttp is not null)
            {
                runs.Add((nodes[i], nodeHttp));
            }
        }

        using var rawHttp = rawUrl is null ? null : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = rawUrl };
        if (rawHttp is not null)
        {
            runs.Add((LoadScenario.Get(RawName, "/products"), rawHttp));
        }

        if (options.TryGetValue("only", out var only))
        {
            // e.g. --only S1,raw: a subset while profiling.
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            runs.RemoveAll(r => !names.Any(n => r.Scenario.Name.StartsWith(n, StringComparison.OrdinalIgnoreCase)));
        }

        // Rounds interleave the scenarios, so that a burst of load from elsewhere on a shared machine spreads over all.
        var drivers = runs.Select(r => (r.Scenario, Driver: new LoadDriver(r.Client))).ToList();
        foreach (var (scenario, driver) in drivers)
        {
            await driver.RunAsync(scenario, clients, warmup); // JIT, connection pool, caches
        }

        var measured = drivers.Select(_ => new List<LoadResult>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < drivers.Count; i++)
            {
                measured[i].Add(await drivers[i].Driver.RunAsync(drivers[i].Scenario, clients, seconds));
            }
        }

        var results = measured.Select(LoadResult.Combine).ToList();
        foreach (var result in results)
        {
            Console.Error.WriteLine($"{result.Scenario}: {result.Succeeded} ok, {result.Failed} failed");
        }

        Print(results, clients, seconds, rounds);
        return results.Any(r => r.Failed > 0 || r.Succeeded == 0) ? 1 : 0;
    }

    public static Dictionary<string, string> ParseOptions(string[] args)
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

    /// <summary>1–3 distinct random products, one of each.</summary>
    private static object RandomOrder(IReadOnlyList<string> productIds)
    {
        var lines = Random.Shared.Next(1, 4);
        var items = Enumerable.Range(0, lines)
            .Select(_ => productIds[Random.Shared.Next(productIds.Count)])
            .Distinct()
            .Select(id => new { productId = id, quantity = 1 })
            .ToArray();
        return new { input = new { items } };
    }

    private static void Print(List<LoadResult> results, int clients, TimeSpan duration, int rounds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} connections, {rounds} × {duration.TotalSeconds:0} s per scenario after a warm-up, closed loop over loopback HTTP/1.1"));
        Console.WriteLine();
        Console.WriteLine("| Scenario | Requests | Failed | Req/s | p50 ms | p95 ms | p99 ms | p99 / p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Succeeded} | {r.Failed} | {r.Throughput:0} | {r.Percentile(50):0.0} | {r.Percentile(95):0.0} | {r.Percentile(99):0.0} | {r.Percentile(99) / r.Percentile(50):0.0} |"));
        }

        var ratios = Ratios(results).ToList();
        if (ratios.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Ratios of req/s, measured in this run:");
            foreach (var line in ratios)
            {
                Console.WriteLine(line);
            }
        }
    }

    /// <summary>Ours ÷ Node for each scenario run on both sides, then S1 ÷ raw when the baseline ran.</summary>
    private static IEnumerable<string> Ratios(List<LoadResult> results)
    {
        var ours = results.Where(r => r.Scenario.StartsWith('S') && !r.Scenario.EndsWith(NodeSide, StringComparison.Ordinal)).ToList();
        foreach (var our in ours)
        {
            var key = our.Scenario[..2];
            if (results.FirstOrDefault(r => r.Scenario.StartsWith(key, StringComparison.Ordinal) && r.Scenario.EndsWith(NodeSide, StringComparison.Ordinal)) is { } node)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"- {key} ours ÷ Node (Mercurius + graphql-jit): {our.Throughput / node.Throughput:0.00}");
            }
        }

        if (ours.FirstOrDefault(r => r.Scenario.StartsWith("S1", StringComparison.Ordinal)) is { } s1
            && results.FirstOrDefault(r => r.Scenario == RawName) is { } raw)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"- S1 ÷ raw minimal API: {s1.Throughput / raw.Throughput:0.00}");
        }
    }
}
