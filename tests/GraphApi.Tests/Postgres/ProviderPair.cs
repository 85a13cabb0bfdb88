using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Postgres;

/// <summary>
/// The same seeded application on SQLite and on PostgreSQL. Both seeds produce the same keys, so one request must
/// get byte-identical answers (ids and cursors included) from both providers.
/// </summary>
public sealed class ProviderPair(GraphApiFixture sqlite, PostgresGraphApiFixture postgres)
{
    public GraphApiFixture Sqlite => sqlite;

    public PostgresGraphApiFixture Postgres => postgres;

    /// <summary>Sends the request as <paramref name="caller"/> to both; fails unless the answers are equal and error-free.</summary>
    public async Task<GraphQLResponse> PostToBothAsync(
        Func<GraphApiFixture, GraphQLTestClient> caller, string query, object? variables = null)
    {
        var onSqlite = await caller(sqlite).PostAsync(query, variables);
        var onPostgres = await caller(postgres).PostAsync(query, variables);

        onSqlite.AssertNoErrors();
        onPostgres.AssertNoErrors();
        Assert.Equal(onSqlite.Body, onPostgres.Body);
        return onPostgres;
    }
}
