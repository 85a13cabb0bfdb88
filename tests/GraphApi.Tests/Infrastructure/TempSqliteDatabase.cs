using Microsoft.Data.Sqlite;

namespace GraphApi.Tests.Infrastructure;

/// <summary>A real SQLite file in its own temp directory, deleted (with the directory) on dispose.</summary>
internal sealed class TempSqliteDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("graphapi-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "test.db")};Pooling=False";

    /// <summary>
    /// Settings for AddAppData pointing at this file; <paramref name="extra"/> are added on top, and a null value
    /// removes the key (as if it were not configured at all).
    /// </summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Database"] = ConnectionString,
            ["Database:ThreadSafetyChecks"] = "true", // off in Production; tests keep EF Core's misuse checks on
        };
        foreach (var (key, value) in extra)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
