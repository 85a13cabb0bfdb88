namespace GraphApi.Benchmarks.Load;

/// <summary>What one scenario achieved: successful responses per second and latency percentiles.</summary>
internal sealed record LoadResult(string Scenario, int Clients, TimeSpan Duration, int Succeeded, int Failed, double[] LatenciesMs)
{
    public double Throughput => Succeeded / Duration.TotalSeconds;

    /// <summary>Several rounds of one scenario as one: their requests over their summed time.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> rounds) => new(
        rounds[0].Scenario,
        rounds[0].Clients,
        TimeSpan.FromTicks(rounds.Sum(r => r.Duration.Ticks)),
        rounds.Sum(r => r.Succeeded),
        rounds.Sum(r => r.Failed),
        rounds.SelectMany(r => r.LatenciesMs).ToArray());

    /// <summary>Nearest-rank percentile over every request's latency.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
