using System.Globalization;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// Settings of the <c>fanout</c> mode, from <c>--name value</c> pairs: <c>--server-dll</c> (required: the built
/// GraphApi.dll), <c>--counts 1,1000,10000</c> (subscriber counts; default), <c>--rounds 5</c> (fresh orders per
/// count; default), <c>--batch 100</c> (sockets opened concurrently; default), <c>--selection lean</c> (<c>lean</c>:
/// status fields only; <c>order</c>: also <c>order { id status total }</c>, one order load per subscriber and event),
/// <c>--timeout 120</c> (seconds one mutation may take to reach every subscriber; default), <c>--init-timeout</c>
/// (seconds; the server's <c>GraphQL:WebSockets:ConnectionInitTimeout</c>; default: the server's own, 10 s).
/// </summary>
internal sealed record FanOutOptions(
    string ServerDll,
    int[] Counts,
    int Rounds,
    int Batch,
    FanOutSelection Selection,
    TimeSpan DeliveryTimeout,
    TimeSpan? InitTimeout)
{
    public static FanOutOptions Parse(string[] args)
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

        var serverDll = values.GetValueOrDefault("server-dll") ?? throw new ArgumentException("--server-dll is required.");
        return new FanOutOptions(
            Path.GetFullPath(serverDll),
            values.GetValueOrDefault("counts", "1,1000,10000").Split(',').Select(Int).ToArray(),
            Int(values.GetValueOrDefault("rounds", "5")),
            Int(values.GetValueOrDefault("batch", "100")),
            Enum.Parse<FanOutSelection>(values.GetValueOrDefault("selection", "lean"), ignoreCase: true),
            TimeSpan.FromSeconds(Int(values.GetValueOrDefault("timeout", "120"))),
            values.TryGetValue("init-timeout", out var init) ? TimeSpan.FromSeconds(Int(init)) : null);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>What each subscriber selects: the cost per event differs by an order load per subscriber.</summary>
internal enum FanOutSelection
{
    Lean,
    Order,
}
