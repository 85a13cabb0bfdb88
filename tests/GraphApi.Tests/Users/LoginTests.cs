using System.Diagnostics;
using System.Globalization;
using GraphApi.Tests.Hosting;
using GraphApi.Users;
using Snapshooter.Xunit;
using Xunit.Abstractions;

namespace GraphApi.Tests.Users;

public sealed class LoginTests(AccountsFixture fixture, ITestOutputHelper output) : IClassFixture<AccountsFixture>
{
    [Theory]
    [InlineData("Carol")]
    [InlineData("cAROL")]
    [InlineData("  carol ")]
    [InlineData("carol@example.com")]
    [InlineData(" CAROL@Example.COM  ")]
    public async Task Login_by_username_or_email_in_any_case_answers_a_token_and_the_user(string usernameOrEmail)
    {
        var payload = await fixture.Anonymous.LoginAsync(usernameOrEmail, AccountsFixture.Password);

        Assert.Empty(AccountRequests.ErrorsOf(payload));
        Assert.False(string.IsNullOrEmpty(payload["token"]?.GetValue<string>()));
        Assert.Equal("Carol", payload["user"]!["username"]!.GetValue<string>());
        Assert.Equal("CUSTOMER", payload["user"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpiresAt_is_now_plus_the_configured_lifetime_in_milliseconds()
    {
        var before = DateTime.UtcNow;
        var payload = await fixture.Anonymous.LoginAsync("carol", AccountsFixture.Password);
        var after = DateTime.UtcNow;

        var text = payload["expiresAt"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", text);
        var expiresAt = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var lifetime = TimeSpan.FromMinutes(AccountsFixture.LifetimeMinutes);
        Assert.InRange(expiresAt, before.Add(lifetime).AddMilliseconds(-1), after.Add(lifetime));
    }

    [Fact]
    public async Task The_token_authenticates_me_over_HTTP()
    {
        var token = (await fixture.Anonymous.LoginAsync("carol@example.com", AccountsFixture.Password))["token"]!.GetValue<string>();

        var response = await fixture.Factory.Client(token).PostAsync("{ me { username email role } }");

        response.AssertNoErrors();
        Assert.Equal(
            ("Carol", "carol@example.com", "CUSTOMER"),
            (response.Data!["me"]!["username"]!.GetValue<string>(), response.Data["me"]!["email"]!.GetValue<string>(),
                response.Data["me"]!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_password_is_InvalidCredentialsError_without_a_token()
    {
        var response = await fixture.Anonymous.PostAsync(AccountRequests.Login,
            new { input = new { usernameOrEmail = "carol", password = "not carol's secret" } });

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("nobody@example.com")]
    [InlineData("")]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password(string usernameOrEmail)
    {
        var unknown = await fixture.Anonymous.LoginAsync(usernameOrEmail, AccountsFixture.Password);
        var wrongPassword = await fixture.Anonymous.LoginAsync("carol", "not carol's secret");

        Assert.Equal(wrongPassword.ToJsonString(), unknown.ToJsonString());
        Assert.Equal(AccountService.InvalidCredentialsMessage, unknown["errors"]![0]!["message"]!.GetValue<string>());
    }

    /// <summary>
    /// Without the dummy verification an unknown user answers in about a millisecond, a wrong password only after a
    /// full Argon2 run: the medians must stay within a factor of two of each other.
    /// </summary>
    [Fact]
    public async Task An_unknown_user_takes_as_long_as_a_wrong_password()
    {
        const int runs = 20;
        var client = fixture.Anonymous;
        await client.LoginAsync("warm-up", "wrong password"); // JIT and the dummy hash
        var unknown = new List<double>();
        var wrongPassword = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so a busy moment of the machine hits both series alike.
            unknown.Add(await TimeAsync(() => client.LoginAsync("nobody-" + i, "wrong password")));
            wrongPassword.Add(await TimeAsync(() => client.LoginAsync("carol", "wrong password")));
        }

        var (unknownMedian, wrongMedian) = (Median(unknown), Median(wrongPassword));
        output.WriteLine($"median login time over {runs} runs: unknown user {unknownMedian:F1} ms, wrong password {wrongMedian:F1} ms");
        Assert.InRange(unknownMedian / wrongMedian, 0.5, 2.0);
    }

    private static async Task<double> TimeAsync(Func<Task> login)
    {
        var started = Stopwatch.GetTimestamp();
        await login();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
