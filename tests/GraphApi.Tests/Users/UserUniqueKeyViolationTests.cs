using GraphApi.Data;
using GraphApi.Tests.Data;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Users;

/// <summary>The real unique-violation exceptions of both providers map to the key that was taken.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UserUniqueKeyViolationTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Sqlite_violations_name_the_taken_key()
    {
        using var database = new TempSqliteDatabase();
        await using var host = new AppDataHost(database.Settings());
        await host.InitializeDatabaseAsync();

        await AssertViolationsAsync(host);
    }

    [RequiresPostgresFact]
    public async Task Postgres_violations_name_the_taken_key()
    {
        await using var host = new AppDataHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = await server.CreateDatabaseAsync(),
        });
        await host.InitializeDatabaseAsync();

        await AssertViolationsAsync(host);
    }

    private static async Task AssertViolationsAsync(AppDataHost host)
    {
        await host.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "Taken", "taken@example.com"));

        Assert.Equal(UserUniqueKey.Username, await ViolationAsync(host, "TAKEN", "free@example.com"));
        Assert.Equal(UserUniqueKey.Email, await ViolationAsync(host, "free", "Taken@Example.com"));
    }

    [Fact]
    public async Task Other_database_failures_are_not_taken_keys()
    {
        using var database = new TempSqliteDatabase();
        await using var host = new AppDataHost(database.Settings());
        await host.InitializeDatabaseAsync();

        // A NOT NULL violation: a constraint failure, but not a unique one.
        var violation = await host.WithDbAsync(async db =>
        {
            db.Users.Add(new User { Username = "nullhash", Email = "nullhash@example.com", PasswordHash = null! });
            var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return UserUniqueKeyViolation.Find(exception, db.Model);
        });

        Assert.Null(violation);
    }

    private static Task<UserUniqueKey?> ViolationAsync(AppDataHost host, string username, string email) =>
        host.WithDbAsync(async db =>
        {
            var exception = await Assert.ThrowsAsync<DbUpdateException>(() => UniquenessTests.AddUserAsync(db, username, email));
            return UserUniqueKeyViolation.Find(exception, db.Model);
        });
}
