using System.Threading.RateLimiting;
using GraphApi.Auth.PasswordHashing;
using GraphApi.Auth.RateLimiting;
using GraphApi.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>At most Auth:Argon2:MaxConcurrency hashes at once, Auth:Argon2:QueueLimit waiting; one more → RATE_LIMITED.</summary>
public sealed class PasswordHashingQueueTests
{
    [Fact]
    public async Task With_every_slot_busy_and_the_queue_full_the_next_login_is_rate_limited_at_once()
    {
        var hasher = new GatedPasswordHasher();
        await using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Argon2:MaxConcurrency"] = "2",
            ["Auth:Argon2:QueueLimit"] = "3",
        })
        {
            TestServices = services => services.AddSingleton<IPasswordHasher>(hasher),
        };
        var http = factory.CreateClient();
        var queue = factory.Services.GetRequiredService<PasswordHashingQueue>();

        // Distinct unknown names: each login goes straight to the hashing queue (no per-account turn to wait for).
        var admitted = Enumerable.Range(1, 5).Select(i => http.LoginAsync($"nobody{i}", "wrong")).ToList();
        await Until(() => hasher.Started == 2 && queue.Statistics.CurrentQueuedCount == 3);

        var refused = await http.LoginAsync("one-too-many", "wrong");
        Assert.True(refused.IsRateLimited(), refused.ToString());
        Assert.Equal(1, refused.RetryAfter());

        hasher.Open();
        foreach (var response in await Task.WhenAll(admitted))
        {
            Assert.Contains("InvalidCredentialsError", response.AssertNoErrors().Body, StringComparison.Ordinal);
        }

        Assert.Equal(5, hasher.Started);
    }

    [Fact]
    public async Task Logins_of_one_account_take_turns_and_one_more_than_AccountQueueLimit_waiting_is_rate_limited()
    {
        var hasher = new GatedPasswordHasher();
        await using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Login:AccountQueueLimit"] = "2",
        })
        {
            TestServices = services => services.AddSingleton<IPasswordHasher>(hasher),
        };
        var http = factory.CreateClient();
        var throttle = factory.Services.GetRequiredService<LoginThrottle>();
        var account = LoginThrottle.AccountKey(null, "carol"); // nobody is called carol here: throttled by the name

        var first = http.LoginAsync("carol", "wrong");
        await Until(() => hasher.Started == 1);
        var waiting = new[] { http.LoginAsync("carol", "wrong"), http.LoginAsync("CAROL", "wrong") };
        await Until(() => throttle.WaitingTurns(account) == 2);
        var refused = await http.LoginAsync("carol ", "wrong"); // the same account however it is spelled

        Assert.True(refused.IsRateLimited(), refused.ToString());
        Assert.Equal(1, hasher.Started); // the waiting ones have not reached the hasher
        hasher.Open();
        foreach (var response in await Task.WhenAll([first, .. waiting]))
        {
            Assert.Contains("InvalidCredentialsError", response.AssertNoErrors().Body, StringComparison.Ordinal);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
