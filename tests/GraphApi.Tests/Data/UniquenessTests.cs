using GraphApi.Data;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

public sealed class UniquenessTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings());
        await _host.InitializeDatabaseAsync();
    }

    [Fact]
    public async Task Usernames_are_unique_case_insensitively_in_the_database()
    {
        await _host.WithDbAsync(db => AddUserAsync(db, "Alice", "alice@example.com"));

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            _host.WithDbAsync(db => AddUserAsync(db, "aLICE", "other@example.com")));
    }

    [Fact]
    public async Task Emails_are_stored_trimmed_lower_case_and_unique()
    {
        await _host.WithDbAsync(db => AddUserAsync(db, "bob", "  Bob@Example.COM "));

        Assert.Equal("bob@example.com", await _host.WithDbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            _host.WithDbAsync(db => AddUserAsync(db, "robert", "BOB@example.com")));
    }

    [Fact]
    public async Task Usernames_keep_their_case_and_are_trimmed()
    {
        await _host.WithDbAsync(db => AddUserAsync(db, "  MixedCase ", "m@example.com"));

        var user = await _host.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("MixedCase", "mixedcase"), (user.Username, user.NormalizedUsername));
    }

    internal static Task AddUserAsync(AppDbContext db, string username, string email)
    {
        db.Users.Add(new User { Username = username, Email = email, PasswordHash = "not-a-real-hash" });
        return db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
