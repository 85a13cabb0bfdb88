using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>
/// The application with the login rate limits at their defaults unless <paramref name="settings"/> say otherwise, a
/// clock the test moves, requests from addresses the test chooses, and one customer, Carol.
/// </summary>
internal sealed class RateLimitedApp : IAsyncDisposable
{
    public const string Password = "carol's secret";

    private RateLimitedApp(GraphApiFactory factory, FixedTimeProvider clock)
    {
        Factory = factory;
        Clock = clock;
        Http = factory.CreateClient();
    }

    public GraphApiFactory Factory { get; }

    public FixedTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<RateLimitedApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var factory = new GraphApiFactory(settings)
        {
            TestServices = services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                TestClientAddress.Register(services);
            },
        };
        var app = new RateLimitedApp(factory, clock);
        var hash = factory.Services.GetRequiredService<IPasswordHasher>().Hash(Password);
        await factory.WithDbAsync(db =>
        {
            db.Users.Add(new User { Username = "Carol", Email = "carol@example.com", PasswordHash = hash });
            return db.SaveChangesAsync();
        });
        return app;
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        return Factory.DisposeAsync();
    }
}
