using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Hosting;
using GraphApi.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Users;

/// <summary>An app (token lifetime 15 minutes, login rate limits out of the way) with one customer, Carol, whose
/// password is really hashed.</summary>
public sealed class AccountsFixture : IAsyncLifetime
{
    public const string Password = "carol's secret";
    public const int LifetimeMinutes = 15;

    public GraphApiFactory Factory { get; } = new(new Dictionary<string, string?>
    {
        ["Jwt:LifetimeMinutes"] = LifetimeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // These tests log in (and fail to) far more often than the rate limits allow; those have tests of their own.
        ["RateLimits:Login:PerIpPerMinute"] = "10000",
        ["RateLimits:Login:FailuresPerAccount"] = "10000",
    });

    public GraphQLTestClient Anonymous => Factory.Client();

    public async Task InitializeAsync()
    {
        var hash = Factory.Services.GetRequiredService<IPasswordHasher>().Hash(Password);
        await Factory.WithDbAsync(db =>
        {
            db.Users.Add(new User { Username = "Carol", Email = "carol@example.com", PasswordHash = hash });
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
