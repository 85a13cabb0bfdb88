using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Hosting;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Users;

/// <summary>registerUser against the real app. Tests register distinct names on a per-class app with
/// <see cref="TestData"/> (admin, Alice, bob already taken).</summary>
public sealed class RegisterUserTests(ManyRegistrationsFixture fixture) : IClassFixture<ManyRegistrationsFixture>
{
    private const string GoodPassword = "correct horse";

    [Fact]
    public async Task A_new_account_is_a_customer_with_trimmed_names_and_a_lower_cased_email()
    {
        using var factory = new GraphApiFactory();

        var response = await factory.Client().PostAsync(AccountRequests.RegisterUser,
            new { input = new { username = "  Carol_W-1 ", email = " Carol.W@Example.COM  ", password = GoodPassword } });

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        var stored = await factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("Carol_W-1", "carol.w@example.com"), (stored.Username, stored.Email));
        Assert.True(factory.Services.GetRequiredService<IPasswordHasher>().Verify(stored.PasswordHash, GoodPassword));
        Assert.InRange(stored.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Ab_-9")]
    [InlineData("a23456789012345678901234567890_2")] // 32 characters
    public async Task Usernames_of_3_to_32_allowed_characters_are_accepted(string username)
    {
        var payload = await fixture.Anonymous.RegisterAsync(username, $"{username}@accepted.example", GoodPassword);

        Assert.Empty(AccountRequests.ErrorsOf(payload));
        Assert.Equal(username, payload["user"]!["username"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a234567890123456789012345678901_3")] // 33 characters
    [InlineData("with space")]
    [InlineData("dot.ted")]
    [InlineData("at@sign")]
    [InlineData("ümlaut")]
    [InlineData("   ")]
    public async Task Other_usernames_are_a_ValidationError_on_username(string username)
    {
        var payload = await fixture.Anonymous.RegisterAsync(username, "rejected-user@example.com", GoodPassword);

        Assert.Equal([("ValidationError", "username")], AccountRequests.ErrorsOf(payload));
        Assert.Null(payload["user"]);
    }

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("first.last+tag@sub.example.org")]
    [InlineData("MAX")] // 254 characters
    public async Task Emails_with_one_at_a_local_part_and_a_dotted_domain_are_accepted(string email)
    {
        email = email == "MAX" ? LongEmail(254) : email;
        var username = "e" + Guid.NewGuid().ToString("N")[..16];

        var payload = await fixture.Anonymous.RegisterAsync(username, email, GoodPassword);

        Assert.Empty(AccountRequests.ErrorsOf(payload));
    }

    [Theory]
    [InlineData("MAX+1")] // 255 characters
    [InlineData("no-at.example.com")]
    [InlineData("@example.com")]
    [InlineData("two@at@example.com")]
    [InlineData("no-dot@example")]
    [InlineData("")]
    public async Task Other_emails_are_a_ValidationError_on_email(string email)
    {
        email = email == "MAX+1" ? LongEmail(255) : email;

        var payload = await fixture.Anonymous.RegisterAsync("rejectedmail", email, GoodPassword);

        Assert.Equal([("ValidationError", "email")], AccountRequests.ErrorsOf(payload));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Passwords_of_8_to_128_characters_are_accepted(int length)
    {
        var payload = await fixture.Anonymous.RegisterAsync($"pw{length}", $"pw{length}@example.com", new string('p', length));

        Assert.Empty(AccountRequests.ErrorsOf(payload));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(129)]
    public async Task Shorter_or_longer_passwords_are_a_ValidationError_on_password(int length)
    {
        var payload = await fixture.Anonymous.RegisterAsync("shortlong", "shortlong@example.com", new string('p', length));

        Assert.Equal([("ValidationError", "password")], AccountRequests.ErrorsOf(payload));
    }

    [Fact]
    public async Task Every_violation_is_reported_together_and_nothing_is_written()
    {
        var before = await UserCountAsync();

        var response = await fixture.Anonymous.PostAsync(AccountRequests.RegisterUser,
            new { input = new { username = "x", email = "nope", password = "short" } });

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_taken_username_is_found_case_insensitively_and_trimmed()
    {
        var before = await UserCountAsync();

        var payload = await fixture.Anonymous.RegisterAsync("  aLICE ", "new-alice@example.com", GoodPassword);

        Assert.Equal([("UsernameTakenError", "aLICE")], AccountRequests.ErrorsOf(payload));
        Assert.Null(payload["user"]);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_taken_email_is_found_case_insensitively_and_trimmed()
    {
        var payload = await fixture.Anonymous.RegisterAsync("new-bob", " BOB@Example.com  ", GoodPassword);

        Assert.Equal([("EmailTakenError", "bob@example.com")], AccountRequests.ErrorsOf(payload));
    }

    [Fact]
    public async Task A_taken_username_and_email_are_both_reported()
    {
        var response = await fixture.Anonymous.PostAsync(AccountRequests.RegisterUser,
            new { input = new { username = "Admin", email = "Alice@example.com", password = GoodPassword } });

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task Ten_racing_registrations_of_one_username_have_exactly_one_winner()
    {
        using var factory = new GraphApiFactory();
        var client = factory.Client();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.RegisterAsync(i % 2 == 0 ? "racer" : "RACER", $"racer{i}@example.com", GoodPassword)));

        Assert.Single(payloads, p => p["user"] is not null);
        Assert.All(payloads.Where(p => p["user"] is null), p =>
            Assert.Equal("UsernameTakenError", Assert.Single(AccountRequests.ErrorsOf(p)).Type));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    private Task<int> UserCountAsync() => fixture.Factory.WithDbAsync(db => db.Users.CountAsync());

    /// <summary>An email of exactly <paramref name="length"/> characters, unique per call.</summary>
    private static string LongEmail(int length)
    {
        var domain = "@" + Guid.NewGuid().ToString("N")[..12] + ".example.com";
        return new string('l', length - domain.Length) + domain;
    }
}
