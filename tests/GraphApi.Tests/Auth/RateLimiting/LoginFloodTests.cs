using System.Diagnostics;
using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GraphApi.Tests.Auth.RateLimiting;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LatencySensitiveCollection
{
    /// <summary>Runs alone, after the parallel tests, so other tests' CPU does not count against its latencies.</summary>
    public const string Name = "Latency-sensitive";
}

/// <summary>
/// decisions.md: "During a login flood, health checks and other requests keep answering promptly." A full hashing
/// queue of real Argon2 work (19 MiB each) must leave /health/live answering in well under 200 ms.
/// </summary>
[Collection(LatencySensitiveCollection.Name)]
public sealed class LoginFloodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Health_answers_promptly_while_a_full_queue_of_logins_is_hashed()
    {
        await using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Login:PerIpPerMinute"] = "1000", // this flood tests the hashing queue, not the address limit
            ["GraphQL:ExecutionTimeout"] = "00:03:00", // on a busy machine the last of 102 hashes may wait past 30 s
        });
        var http = factory.CreateClient();
        var queue = factory.Services.GetRequiredService<PasswordHashingQueue>();
        var argon2 = factory.Services.GetRequiredService<IOptions<Argon2Options>>().Value;
        await http.LoginAsync("warm-up", "wrong"); // JIT and the dummy hash
        await http.GetAsync("/health/live");

        var flood = Enumerable.Range(0, argon2.MaxConcurrency + argon2.QueueLimit)
            .Select(i => http.LoginAsync($"flood{i}", "wrong password"))
            .ToList();
        await Until(() => queue.Statistics.CurrentQueuedCount >= argon2.QueueLimit / 2);

        var latencies = new List<double>();
        while (queue.Statistics.CurrentQueuedCount > 0 && latencies.Count < 300)
        {
            var started = Stopwatch.GetTimestamp();
            using var health = await http.GetAsync("/health/live");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        }

        var answers = await Task.WhenAll(flood);
        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))];
        output.WriteLine($"{flood.Count} logins; {latencies.Count} health probes while they queued: p50 {p50:F1} ms, p99 {p99:F1} ms");

        Assert.True(latencies.Count >= 20, $"only {latencies.Count} probes ran while the queue was full");
        Assert.True(p99 < 200, $"/health/live p99 {p99:F1} ms (p50 {p50:F1} ms) during the flood");
        Assert.All(answers, answer => Assert.Contains("InvalidCredentialsError", answer.AssertNoErrors().Body, StringComparison.Ordinal));
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
