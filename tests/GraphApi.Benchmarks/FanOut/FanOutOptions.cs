using System.Globalization;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// Settings of the <c>fanout</c> mode, from <c>--name value</c> pairs: <c>--server-dll</c> (required: the built
/// GraphApi.dll), <c>--counts 1,1000,2000,10000</c> (subscriber counts; default), <c>--orders 8</c> (orders placed one
/// by one per count, each one event to every subscriber; default), <c>--warmup-orders 2</c> (orders placed to all N
/// subscribers before those, not measured: the fan-out path's JIT tiering happens there, as on a server that has run
/// a while; 0 measures a cold path), <c>--warmup-alone 200</c> (orders placed to a single subscriber before the N sockets
/// connect, not measured: the mutation's own path tiers up there; default), <c>--batch 100</c> (sockets opened concurrently;
/// default), <c>--timeout 120</c> (seconds one mutation may take to reach every subscriber; default),
/// <c>--init-timeout</c> (seconds; the server's <c>GraphQL:WebSockets:ConnectionInitTimeout</c>; default: the
/// server's own, 10 s), <c>--results FILE</c> (also write the summary as tab-separated values; default: none).
/// </summary>
internal sealed record FanOutOptions(
    string ServerDll,
    int[] Counts,
    int Orders,
    int WarmupOrders,
    int WarmupAlone,
    int Batch,
    TimeSpan DeliveryTimeout,
    TimeSpan? InitTimeout,
    string? ResultsFile)
{
    public static FanOutOptions Parse(string[] args)
    {
        var values = Pairs(args);
        var serverDll = values.GetValueOrDefault("server-dll") ?? throw new ArgumentException("--server-dll is required.");
        return new FanOutOptions(
            Path.GetFullPath(serverDll),
            values.GetValueOrDefault("counts", "1,1000,2000,10000").Split(',').Select(Int).ToArray(),
            Int(values.GetValueOrDefault("orders", "8")),
            Int(values.GetValueOrDefault("warmup-orders", "2")),
            Int(values.GetValueOrDefault("warmup-alone", "200")),
            Int(values.GetValueOrDefault("batch", "100")),
            TimeSpan.FromSeconds(Int(values.GetValueOrDefault("timeout", "120"))),
            values.TryGetValue("init-timeout", out var init) ? TimeSpan.FromSeconds(Int(init)) : null,
            values.GetValueOrDefault("results"));
    }

    /// <summary><c>--name value</c> pairs, as the <c>fanout</c> and <c>fanout-chart</c> modes take them.</summary>
    public static Dictionary<string, string> Pairs(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return values;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
