using GraphApi.Data;
using GraphApi.Tests.Hosting;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Users;

/// <summary>
/// A rival registration committed after registerUser's checks but before its insert: only the unique index can
/// decide, and the loser still gets an error as data (never a 500, never a second account).
/// </summary>
public sealed class RacingRegistrationTests : IDisposable
{
    private readonly RivalInsertedFirst _rival = new();
    private readonly GraphApiFactory _factory;
    private readonly GraphQLTestClient _client;

    public RacingRegistrationTests()
    {
        _factory = new GraphApiFactory
        {
            TestServices = services =>
                services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(_rival)),
        };
        _rival.Services = _factory.Services;
        _client = _factory.Client();
    }

    [Fact]
    public async Task Losing_the_username_race_at_the_index_is_UsernameTakenError()
    {
        _rival.Next = new User { Username = "Rival", Email = "rival@example.com", PasswordHash = "not-a-real-hash" };

        var payload = await _client.RegisterAsync("rival", "loser@example.com", "correct horse");

        Assert.Equal([("UsernameTakenError", "rival")], AccountRequests.ErrorsOf(payload));
        Assert.Equal(["rival@example.com"], await EmailsAsync());
    }

    [Fact]
    public async Task Losing_the_email_race_at_the_index_is_EmailTakenError()
    {
        _rival.Next = new User { Username = "first", Email = "shared@example.com", PasswordHash = "not-a-real-hash" };

        var payload = await _client.RegisterAsync("second", "Shared@example.com", "correct horse");

        Assert.Equal([("EmailTakenError", "shared@example.com")], AccountRequests.ErrorsOf(payload));
        Assert.Equal(["shared@example.com"], await EmailsAsync());
    }

    private Task<List<string>> EmailsAsync() => _factory.WithDbAsync(db => db.Users.Select(u => u.Email).ToListAsync());

    public void Dispose()
    {
        _factory.Dispose();
    }

    /// <summary>Just before the next SaveChanges, commits <see cref="Next"/> through a context of its own.</summary>
    private sealed class RivalInsertedFirst : SaveChangesInterceptor
    {
        public User? Next { get; set; }

        public IServiceProvider Services { get; set; } = null!;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Next is { } rival)
            {
                Next = null; // the rival's own SaveChanges passes through here too
                await using var scope = Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Users.Add(rival);
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
