using System.Diagnostics;
using System.Globalization;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// <c>fanout --server-dll PATH [--counts 1,1000,2000,10000] [--orders 8] [--batch 100] [--timeout 120]
/// [--init-timeout S] [--results FILE]</c>: for each count, a fresh server; N graphql-transport-ws ADMIN subscribers on
/// the dashboard subscription <c>orderEvents { kind order { id status total } }</c> (the order loads per event); orders
/// placed one by one over HTTP, each <c>placeOrder</c> timed from sending it to every subscriber's <c>next</c>. Prints
/// a Markdown table; <c>--results</c> also writes it as tab-separated values for <c>fanout-chart</c>. Loopback only.
/// </summary>
internal static class FanOutRun
{
    internal const string OperationId = "dashboard";
    private const string Query = "subscription { orderEvents { kind order { id status total } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = FanOutOptions.Parse(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // let the servers be cleaned up
            cancel.Cancel();
        };

        var results = new List<FanOutResult>();
        var failures = new List<string>();
        foreach (var count in options.Counts)
        {
            try
            {
                results.Add(await MeasureAsync(count, options, cancel.Token));
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                failures.Add($"N = {count}: {error.GetType().Name}: {error.Message}");
                Console.Error.WriteLine(failures[^1]);
            }
        }

        Print(results, failures, options);
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<FanOutResult> MeasureAsync(int count, FanOutOptions options, CancellationToken ct)
    {
        Console.Error.WriteLine($"N = {count}: starting a fresh server");
        await using var server = await FanOutServer.StartAsync(options.ServerDll, options.InitTimeout, ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var api = new FanOutApi(http);
        await api.LoginAsync(ct);
        var endpoint = new Uri($"ws://{server.BaseAddress.Authority}/graphql");
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var products = await api.StockedProductsAsync(ct);
        var placed = 0;
        Task PlaceOrderAsync() => api.PlaceOrderAsync(products[placed++ % products.Length], ct);
        FanOutDelivery? current = null;

        // Warm-up with one subscriber, before the N sockets: the mutation and the delivery path tier up (JIT) here, as on a
        // server that has been taking orders a while. Counted per order instead, the JIT's background work would be
        // measured as fan-out cost.
        using (var warm = await FanOutSubscriber.ConnectAsync(endpoint, invoker, api.Token, 0, () => current, ct))
        {
            await warm.SubscribeAsync(OperationId, Query, ct);
            await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(30), ct);
            for (var order = 0; order < Math.Max(1, options.WarmupAlone); order++)
            {
                current = new FanOutDelivery(1, OperationId);
                await PlaceOrderAsync();
                await current.WaitAsync(options.DeliveryTimeout, ct);
            }

            current = null;
        }

        await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(30), ct);
        var residentBefore = server.ResidentBytes();
        var subscribers = new List<FanOutSubscriber>(count);
        try
        {
            var connecting = Stopwatch.StartNew();
            await InBatchesAsync(Enumerable.Range(0, count), options.Batch, async index =>
            {
                var subscriber = await FanOutSubscriber.ConnectAsync(endpoint, invoker, api.Token, index, () => current, ct);
                lock (subscribers)
                {
                    subscribers.Add(subscriber);
                    if (subscribers.Count % 1000 == 0)
                    {
                        Console.Error.WriteLine($"N = {count}: {subscribers.Count} sockets after {connecting.Elapsed.TotalSeconds:0.0} s");
                    }
                }

                await subscriber.SubscribeAsync(OperationId, Query, ct);
            });
            var connectTime = connecting.Elapsed;
            Console.Error.WriteLine($"N = {count}: {subscribers.Count} sockets connected and subscribed in {connectTime.TotalSeconds:0.0} s");
            await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(120), ct);
            var residentAfter = server.ResidentBytes();

            // Unmeasured orders to all N first: the per-subscriber path tiers up here (a long-running server's state).
            for (var order = 1; order <= options.WarmupOrders; order++)
            {
                var warmup = new FanOutDelivery(count, OperationId);
                current = warmup;
                await PlaceOrderAsync();
                await warmup.WaitAsync(options.DeliveryTimeout, ct);
                current = null;
            }

            await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(30), ct);

            var lastMs = new List<double>();
            var eachMs = new List<double>(options.Orders * count); // sized once: no large array per order while measuring
            var serverCpuBefore = server.CpuTicks();
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var order = 1; order <= options.Orders; order++)
            {
                var delivery = new FanOutDelivery(count, OperationId);
                current = delivery;
                var sentAt = Stopwatch.GetTimestamp();
                await PlaceOrderAsync();
                await delivery.WaitAsync(options.DeliveryTimeout, ct);
                current = null;
                var last = delivery.AddLatenciesMs(sentAt, eachMs);
                lastMs.Add(last);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"N = {count}, order {order}: last subscriber after {last:0.0} ms"));
            }

            // CPU per order: how the shared cores split between the server and this client (which parses every next).
            var serverCpuMs = (server.CpuTicks() - serverCpuBefore) * 10.0 / options.Orders;
            var clientCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMilliseconds / options.Orders;
            return new FanOutResult(count, connectTime, residentBefore, residentAfter, lastMs, eachMs, serverCpuMs, clientCpuMs);
        }
        finally
        {
            current = null;
            foreach (var subscriber in subscribers)
            {
                subscriber.Dispose();
            }
        }
    }

    /// <summary>At most <paramref name="batch"/> at a time, so connects do not overrun the listen backlog.</summary>
    private static async Task InBatchesAsync<T>(IEnumerable<T> items, int batch, Func<T, Task> action)
    {
        foreach (var chunk in items.Chunk(batch))
        {
            await Task.WhenAll(chunk.Select(action));
        }
    }

    private static void Print(List<FanOutResult> results, List<string> failures, FanOutOptions options)
    {
        var baseline = results.FirstOrDefault(r => r.Subscribers == 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"graphql-transport-ws, {Query}, {options.Orders} orders placed one by one per N after {options.WarmupAlone} to one subscriber and {options.WarmupOrders} to all unmeasured, loopback, fresh server per N"));
        Console.WriteLine();
        Console.WriteLine("| N | Connect+subscribe s | Last subscriber p50 ms | Last p99 ms | Per subscriber p50 ms | Per subscriber p99 ms | p50 ratio vs N=1 | RSS before MiB | RSS after MiB | KiB per idle socket | Server CPU ms per order | Client CPU ms per order |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var lastP50 = FanOutResult.Percentile(r.LastMs, 50);
            var ratio = baseline is null ? double.NaN : lastP50 / FanOutResult.Percentile(baseline.LastMs, 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Subscribers:N0} | {r.ConnectTime.TotalSeconds:0.0} | {lastP50:0.0} | {FanOutResult.Percentile(r.LastMs, 99):0.0} | {FanOutResult.Percentile(r.EachMs, 50):0.0} | {FanOutResult.Percentile(r.EachMs, 99):0.0} | {ratio:0.0} | {r.ResidentBefore / 1048576.0:0.0} | {r.ResidentAfter / 1048576.0:0.0} | {r.BytesPerConnection / 1024:0.0} | {r.ServerCpuMsPerOrder:0} | {r.ClientCpuMsPerOrder:0} |"));
        }

        foreach (var failure in failures)
        {
            Console.WriteLine();
            Console.WriteLine($"Failed: {failure}");
        }

        if (options.ResultsFile is { } file)
        {
            // One line per N: subscribers, last p50 ms, last p99 ms, KiB per idle socket, connect s.
            File.WriteAllLines(file, results.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Subscribers}\t{FanOutResult.Percentile(r.LastMs, 50):0.0}\t{FanOutResult.Percentile(r.LastMs, 99):0.0}\t{r.BytesPerConnection / 1024:0.0}\t{r.ConnectTime.TotalSeconds:0.0}")));
        }
    }
}
