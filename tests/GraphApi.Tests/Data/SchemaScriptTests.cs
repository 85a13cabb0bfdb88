using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Snapshooter;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Data;

/// <summary>The database schema each provider's model produces, pinned so a change shows up in review.</summary>
public sealed class SchemaScriptTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Create_script_matches_the_snapshot(string provider)
    {
        var settings = _database.Settings(("Database:Provider", provider));
        if (provider == "Postgres")
        {
            // Script generation needs no server; the connection string is never opened.
            settings["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=unused";
        }

        await using var host = new AppDataHost(settings);

        var script = await host.WithDbAsync(db => Task.FromResult(db.Database.GenerateCreateScript()));

        Snapshot.Match(script, SnapshotNameExtension.Create(provider));
    }

    public void Dispose() => _database.Dispose();
}
