using System.Diagnostics;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// A closed-loop load generator: <c>clients</c> workers each send one request, wait for the whole response, and
/// send the next, until the time is up. Bounded by time, so it never floods the machine.
/// </summary>
internal sealed class LoadDriver(HttpClient http)
{
    private int _failureShown;

    public async Task<LoadResult> RunAsync(LoadScenario scenario, int clients, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => WorkAsync(scenario, stopwatch, duration))).ToArray();
        var outcomes = await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;
        return new LoadResult(
            scenario.Name,
            clients,
            elapsed,
            outcomes.Sum(o => o.Latencies.Count),
            outcomes.Sum(o => o.Failed),
            outcomes.SelectMany(o => o.Latencies).ToArray());
    }

    private async Task<(List<double> Latencies, int Failed)> WorkAsync(LoadScenario scenario, Stopwatch clock, TimeSpan duration)
    {
        var latencies = new List<double>();
        var failed = 0;
        while (clock.Elapsed < duration)
        {
            var started = clock.Elapsed;
            if (await SendAsync(scenario))
            {
                latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            }
            else
            {
                failed++;
            }
        }

        return (latencies, failed);
    }

    /// <summary>Success is HTTP 200 and a body the scenario accepts; the body is read in full either way.</summary>
    private async Task<bool> SendAsync(LoadScenario scenario)
    {
        using var request = scenario.Create();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var succeeded = response.IsSuccessStatusCode && scenario.Succeeded(body);
        if (!succeeded && Interlocked.Exchange(ref _failureShown, 1) == 0)
        {
            // The first failure of the run, so that a failed count comes with its reason.
            Console.Error.WriteLine($"{scenario.Name}: first failure: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        }

        return succeeded;
    }
}
