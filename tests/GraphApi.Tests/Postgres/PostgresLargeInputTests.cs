using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using GraphApi.Tests.Limits;

namespace GraphApi.Tests.Postgres;

/// <summary>The app on PostgreSQL with its input limits raised (<see cref="RaisedInputLimitsFixture.Settings"/>).</summary>
public sealed class PostgresRaisedLimitsFixture(PostgresServerFixture server)
    : GraphApiFixture(async () => GraphApiFactory.ForPostgres(await server.CreateDatabaseAsync(), RaisedInputLimitsFixture.Settings))
{
    public override Task InitializeAsync() =>
        PostgresBinaries.SkipReason is not null ? Task.CompletedTask : base.InitializeAsync();
}

/// <summary>Large inputs (limits raised) answer as on SQLite: one array parameter for in, one IN for gathered equalities.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLargeInputTests(PostgresRaisedLimitsFixture postgres) : IClassFixture<PostgresRaisedLimitsFixture>
{
    private const string Products = "query($where: ProductFilterInput) { products(first: 50, where: $where) { nodes { sku } } }";

    private static Dictionary<string, object?> Obj(string name, object? value) => new() { [name] = value };

    private async Task<string[]> SkusAsync(object where) =>
        (await postgres.Anonymous.PostAsync(Products, new { where })).AssertNoErrors()
            .Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()).ToArray();

    [RequiresPostgresFact]
    public async Task Forty_thousand_in_values_run_correctly()
    {
        var values = Enumerable.Range(1_000, 39_998).Append(0).Append(12).ToArray();

        Assert.Equal(["KB-001", "CB-004"], await SkusAsync(Obj("stock", Obj("in", values))));
        Assert.Equal(["MS-002", "MN-003", "HD-005"], await SkusAsync(Obj("stock", Obj("nin", values))));
    }

    [RequiresPostgresFact]
    public async Task A_10_000_entry_or_runs_correctly()
    {
        var values = Enumerable.Range(1_000, 9_997).Append(5).Append(8).Append(40);

        Assert.Equal(["MS-002", "MN-003", "HD-005"], await SkusAsync(Obj("or", values.Select(v => Obj("stock", Obj("eq", v))).ToArray())));
    }
}
