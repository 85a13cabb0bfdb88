using System.Net;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using Npgsql;

namespace GraphApi.Tests.Operations;

/// <summary>Migrations as a step (the <c>migrate</c> verb) and instances that migrate an empty database at the same time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServerFixture postgres)
{
    [RequiresPostgresFact]
    public async Task Migrate_applies_the_migrations_and_a_second_run_is_a_no_op()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = connectionString,
        };

        var first = await AppProcess.RunVerbAsync(["migrate"], settings);
        Assert.True(first.ExitCode == 0, first.Output);
        var applied = await AppliedMigrationsAsync(connectionString);
        Assert.NotEmpty(applied);

        var second = await AppProcess.RunVerbAsync(["migrate"], settings);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(applied, await AppliedMigrationsAsync(connectionString));
    }

    [RequiresPostgresFact]
    public async Task Migrate_against_an_unreachable_server_fails_with_a_clear_message()
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            ["Database:RetryBudgetSeconds"] = "1",
        };

        var run = await AppProcess.RunVerbAsync(["migrate"], settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GraphApi migrate failed:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [RequiresPostgresFact]
    public async Task Two_instances_migrating_an_empty_database_at_once_both_start()
    {
        var settings = ProcessGraphQL.PostgresSettings(await postgres.CreateDatabaseAsync());

        var instances = await Task.WhenAll(AppProcess.StartAsync(settings), AppProcess.StartAsync(settings));
        try
        {
            foreach (var instance in instances)
            {
                using var client = instance.CreateClient();
                using var ready = await client.GetAsync("/health/ready");
                Assert.True(ready.StatusCode == HttpStatusCode.OK, instance.Output);
                Assert.Null(ProcessGraphQL.ErrorsOf(await ProcessGraphQL.PostAsync(client, "{ products(first: 1) { totalCount } }")));
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [RequiresPostgresFact]
    public async Task With_migrate_on_startup_off_the_instance_leaves_the_database_alone()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = connectionString,
            ["Database:MigrateOnStartup"] = "false",
        };

        await using var app = await AppProcess.StartAsync(settings);

        Assert.Empty(await AppliedMigrationsAsync(connectionString));
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
