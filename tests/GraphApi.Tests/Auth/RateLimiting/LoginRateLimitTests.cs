using GraphApi.Tests.Users;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>decisions.md "Abuse resistance", login and registration: 20 calls per minute per address, 10 failed logins
/// per account per 15 minutes; beyond, the field is null with one RATE_LIMITED error and extensions.retryAfter.</summary>
public sealed class LoginRateLimitTests
{
    private const string Address = "198.51.100.7";
    private const string OtherAddress = "198.51.100.8";

    private static readonly Dictionary<string, string?> ManyCallsPerAddress = new()
    {
        ["RateLimits:Login:PerIpPerMinute"] = "1000",
    };

    [Fact]
    public async Task Twenty_login_and_registration_calls_a_minute_pass_from_one_address_and_the_21st_is_rate_limited()
    {
        await using var app = await RateLimitedApp.StartAsync();

        for (var call = 1; call <= 20; call++)
        {
            // Both fields share the budget; distinct unknown names keep the per-account limit out of the way.
            var response = call % 4 == 0
                ? await app.Http.LoginAsync($"nobody{call}", "wrong password", from: Address)
                : await app.Http.InvalidRegistrationAsync(from: Address);
            Assert.False(response.IsRateLimited(), $"call {call}: {response}");
        }

        var refused = await app.Http.LoginAsync("carol", RateLimitedApp.Password, from: Address);
        var elsewhere = await app.Http.InvalidRegistrationAsync(from: OtherAddress);

        Snapshot.Match(refused.Body);
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
        Assert.Equal(60, refused.RetryAfter());
        Assert.False(elsewhere.IsRateLimited(), elsewhere.ToString());
    }

    [Fact]
    public async Task The_window_slides_calls_free_up_a_minute_after_they_were_made()
    {
        await using var app = await RateLimitedApp.StartAsync();
        await CallsAsync(app, 10); // at 0 s
        app.Clock.Now += TimeSpan.FromSeconds(30);
        await CallsAsync(app, 10); // at 30 s

        app.Clock.Now += TimeSpan.FromSeconds(29);
        var stillFull = await app.Http.InvalidRegistrationAsync(from: Address);
        Assert.True(stillFull.IsRateLimited(), stillFull.ToString());
        Assert.Equal(1, stillFull.RetryAfter());

        app.Clock.Now += TimeSpan.FromSeconds(1); // 60 s: the first ten have left the window, the last ten have not
        await CallsAsync(app, 10);
        var eleventh = await app.Http.InvalidRegistrationAsync(from: Address);
        Assert.True(eleventh.IsRateLimited(), eleventh.ToString());
        Assert.Equal(30, eleventh.RetryAfter());
    }

    [Fact]
    public async Task Ten_failed_logins_per_account_are_answered_and_the_11th_attempt_is_rate_limited_even_with_the_right_password()
    {
        await using var app = await RateLimitedApp.StartAsync(ManyCallsPerAddress);
        for (var success = 0; success < 3; success++)
        {
            await AssertLogsInAsync(app, "carol"); // successes are not failures
        }

        for (var failure = 1; failure <= 10; failure++)
        {
            var response = await app.Http.LoginAsync(failure % 2 == 0 ? "carol" : "CAROL@example.com", "wrong", from: Address);
            Assert.Equal([("InvalidCredentialsError", null)], AccountRequests.ErrorsOf(response.AssertNoErrors().Data!["login"]!));
        }

        var byName = await app.Http.LoginAsync("carol", RateLimitedApp.Password, from: Address);
        var byEmailElsewhere = await app.Http.LoginAsync("carol@example.com", RateLimitedApp.Password, from: OtherAddress);

        Snapshot.Match(byName.Body);
        Assert.True(byEmailElsewhere.IsRateLimited(), byEmailElsewhere.ToString());
        Assert.Equal(15 * 60, byEmailElsewhere.RetryAfter());
    }

    [Fact]
    public async Task Simultaneous_guesses_cannot_overrun_the_failure_limit()
    {
        await using var app = await RateLimitedApp.StartAsync(ManyCallsPerAddress);

        var answers = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => app.Http.LoginAsync("carol", "wrong", from: Address)));

        Assert.Equal(10, answers.Count(a => a.Errors.Count == 0 && a.Body.Contains("InvalidCredentialsError", StringComparison.Ordinal)));
        Assert.Equal(5, answers.Count(a => a.IsRateLimited()));
    }

    [Fact]
    public async Task An_account_may_log_in_again_once_its_oldest_failure_is_15_minutes_old()
    {
        await using var app = await RateLimitedApp.StartAsync(ManyCallsPerAddress);
        await FailuresAsync(app, "carol", 1);
        app.Clock.Now += TimeSpan.FromMinutes(5);
        await FailuresAsync(app, "carol", 9);

        app.Clock.Now += TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1);
        var almost = await app.Http.LoginAsync("carol", RateLimitedApp.Password, from: Address);
        Assert.True(almost.IsRateLimited(), almost.ToString());
        Assert.Equal(1, almost.RetryAfter());

        app.Clock.Now += TimeSpan.FromSeconds(1);
        await AssertLogsInAsync(app, "carol");
    }

    [Fact]
    public async Task An_unknown_account_is_throttled_like_a_known_one_so_the_limit_reveals_nothing()
    {
        await using var app = await RateLimitedApp.StartAsync(ManyCallsPerAddress);
        await FailuresAsync(app, "ghost", 10);

        var eleventh = await app.Http.LoginAsync("ghost", "wrong", from: Address);

        Assert.True(eleventh.IsRateLimited(), eleventh.ToString());
        Assert.Equal(15 * 60, eleventh.RetryAfter());
    }

    [Fact]
    public async Task The_rest_of_the_document_runs_when_one_field_is_rate_limited()
    {
        await using var app = await RateLimitedApp.StartAsync(ManyCallsPerAddress);
        await FailuresAsync(app, "carol", 10);

        var response = await LoginCalls.PostAsync(app.Http, """
            mutation($login: LoginInput!, $register: RegisterUserInput!) {
              login(input: $login) { token }
              registerUser(input: $register) { user { username } }
            }
            """,
            new
            {
                login = new { usernameOrEmail = "carol", password = RateLimitedApp.Password },
                register = new { username = "dave", email = "dave@example.com", password = "dave's secret" },
            },
            from: Address);

        Snapshot.Match(response.Body);
        Assert.True(await app.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Username == "dave")));
    }

    private static async Task CallsAsync(RateLimitedApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await app.Http.InvalidRegistrationAsync(from: Address);
            Assert.False(response.IsRateLimited(), response.ToString());
        }
    }

    private static async Task FailuresAsync(RateLimitedApp app, string account, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await app.Http.LoginAsync(account, "wrong", from: Address);
            Assert.Equal("InvalidCredentialsError", Assert.Single(AccountRequests.ErrorsOf(response.AssertNoErrors().Data!["login"]!)).Type);
        }
    }

    private static async Task AssertLogsInAsync(RateLimitedApp app, string account)
    {
        var response = await app.Http.LoginAsync(account, RateLimitedApp.Password, from: Address);
        Assert.NotNull(response.AssertNoErrors().Data!["login"]!["token"]);
    }
}
