using GraphApi.Data.Resilience;
using Npgsql;

namespace GraphApi.Tests.Operations;

public sealed class PostgresConnectionStringTests
{
    private static readonly DatabaseOptions Options = new() { MaxPoolSize = 7, ConnectionTimeoutSeconds = 3 };

    [Fact]
    public void Configured_pool_size_and_timeout_apply_when_the_connection_string_is_silent()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Apply("Host=db;Username=app", Options));

        Assert.Equal((7, 3), (applied.MaxPoolSize, applied.Timeout));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=40;Timeout=9")]
    [InlineData("Host=db;maxpoolsize=40;timeout=9")]
    public void Values_written_in_the_connection_string_win(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Apply(connectionString, Options));

        Assert.Equal((40, 9), (applied.MaxPoolSize, applied.Timeout));
    }

    [Fact]
    public void The_defaults_fit_four_instances_into_the_default_max_connections()
    {
        var defaults = new DatabaseOptions();

        // 100 max_connections − 3 superuser_reserved_connections − 5 for tools.
        Assert.True(4 * defaults.MaxPoolSize <= 100 - 3 - 5);
    }
}
