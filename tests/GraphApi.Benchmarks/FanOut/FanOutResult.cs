namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// What one subscriber count measured: per mutation, the latency to the LAST subscriber's <c>next</c>; per subscriber
/// and mutation, its own latency; the server's resident memory before and after the idle subscribed sockets; and the
/// CPU time per mutation of the server and of this client.
/// </summary>
internal sealed record FanOutResult(
    int Subscribers,
    TimeSpan ConnectTime,
    long ResidentBefore,
    long ResidentAfter,
    List<double> LastMs,
    List<double> EachMs,
    double ServerCpuMsPerOrder,
    double ClientCpuMsPerOrder)
{
    public double BytesPerConnection => (ResidentAfter - ResidentBefore) / (double)Subscribers;

    /// <summary>Nearest-rank percentile (with few samples, p99 is the maximum).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
