using GraphApi.Data;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Data;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    [Fact]
    public async Task Initialization_applies_every_migration_to_an_empty_file()
    {
        await using var host = new AppDataHost(_database.Settings());

        await host.InitializeDatabaseAsync();

        var (applied, known) = await host.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
        Assert.Equal(0, await host.WithDbAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task Initialization_is_repeatable()
    {
        await using var host = new AppDataHost(_database.Settings());

        await host.InitializeDatabaseAsync();
        await host.InitializeDatabaseAsync();

        Assert.Empty(await host.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task The_sqlite_migrations_match_the_model()
    {
        await using var host = new AppDataHost(_database.Settings());

        Assert.False(await host.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
    }

    public void Dispose() => _database.Dispose();
}
