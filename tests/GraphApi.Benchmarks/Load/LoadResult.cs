namespace GraphApi.Benchmarks.Load;

/// <summary>What one scenario achieved: successful responses per second and latency percentiles.</summary>
internal sealed record LoadResult(string Scenario, int Clients, TimeSpan Duration, int Succeeded, int Failed, double[] LatenciesMs)
{
    public double Throughput => Succeeded / Duration.TotalSeconds;

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
