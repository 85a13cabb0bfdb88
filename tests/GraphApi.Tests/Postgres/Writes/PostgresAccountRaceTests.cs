using GraphApi.Tests.Infrastructure;
using GraphApi.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>
/// Concurrent registrations of one username or email on PostgreSQL: the unique index decides, and every loser gets
/// UsernameTakenError or EmailTakenError as data (never an unexpected error, never a second account).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountRaceTests(PostgresWritesFixture app) : IClassFixture<PostgresWritesFixture>
{
    [RequiresPostgresFact]
    public async Task Ten_concurrent_registrations_of_one_username_have_one_winner()
    {
        // The spellings differ only in case: usernames are unique case-insensitively.
        string[] spellings = ["racer", "RACER"];
        var responses = await ConcurrentRequests.SendAsync(10, i => app.Anonymous.PostAsync(AccountRequests.RegisterUser, new
        {
            input = new { username = spellings[i % 2], email = $"racer{i}@example.com", password = "correct horse" },
        }));

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["registerUser"]!).ToList();
        Assert.Single(payloads, p => p["user"] is not null);
        var losers = Enumerable.Range(0, 10).Where(i => payloads[i]["user"] is null).ToList();
        Assert.Equal(9, losers.Count);
        // Each loser hears about the username as it asked for it.
        Assert.All(losers, i => Assert.Equal([("UsernameTakenError", spellings[i % 2])], AccountRequests.ErrorsOf(payloads[i])));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUsername == "racer")));
    }

    [RequiresPostgresFact]
    public async Task Ten_concurrent_registrations_of_one_email_have_one_winner()
    {
        var responses = await ConcurrentRequests.SendAsync(10, i => app.Anonymous.PostAsync(AccountRequests.RegisterUser, new
        {
            input = new { username = $"mailer{i}", email = i % 2 == 0 ? "shared@example.com" : "Shared@Example.com", password = "correct horse" },
        }));

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["registerUser"]!).ToList();
        Assert.Single(payloads, p => p["user"] is not null);
        var losers = payloads.Where(p => p["user"] is null).Select(AccountRequests.ErrorsOf).ToList();
        Assert.Equal(9, losers.Count);
        Assert.All(losers, errors => Assert.Equal([("EmailTakenError", "shared@example.com")], errors));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "shared@example.com")));
    }
}
