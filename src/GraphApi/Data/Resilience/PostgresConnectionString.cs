using Npgsql;

namespace GraphApi.Data.Resilience;

/// <summary>Adds the configured pool size and connection timeout to a Npgsql connection string that does not set them.</summary>
internal static class PostgresConnectionString
{
    // Npgsql files every alias it parses (MaxPoolSize, Max Pool Size, ...) under the canonical keyword.
    private const string PoolSizeKeyword = "Maximum Pool Size";
    private const string TimeoutKeyword = "Timeout";

    public static string Apply(string connectionString, DatabaseOptions options)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString; // not a Npgsql string: Npgsql says so, clearly, when it first connects
        }

        var written = builder.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!written.Contains(PoolSizeKeyword))
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }

        if (!written.Contains(TimeoutKeyword))
        {
            builder.Timeout = options.ConnectionTimeoutSeconds;
        }

        return builder.ConnectionString;
    }
}
