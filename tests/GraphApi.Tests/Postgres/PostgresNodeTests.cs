using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Postgres;

/// <summary>node/nodes resolve every type from PostgreSQL, with the same nulls and errors as on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNodeTests(GraphApiFixture sqlite, PostgresGraphApiFixture postgres)
    : IClassFixture<GraphApiFixture>, IClassFixture<PostgresGraphApiFixture>
{
    private readonly ProviderPair _both = new(sqlite, postgres);

    [RequiresPostgresFact]
    public async Task Node_round_trips_every_node_type()
    {
        var ids = new[]
        {
            GlobalId.Encode("User", postgres.Data.Bob.Id),
            GlobalId.Encode("Product", postgres.Data.Products[2].Id),
            GlobalId.Encode("Order", postgres.Data.AliceOrders[2].Id),
        };

        foreach (var id in ids)
        {
            var response = await _both.PostToBothAsync(
                f => f.Admin,
                "query($id: ID!) { node(id: $id) { id ... on User { username } ... on Product { sku price } ... on Order { status total items { product { sku } } } } }",
                new { id });
            Assert.Equal(id, response.Data!["node"]!["id"]!.GetValue<string>());
        }
    }

    [RequiresPostgresFact]
    public async Task Nodes_keep_request_order_with_nulls_for_missing_and_foreign()
    {
        var ids = new[]
        {
            GlobalId.Encode("Order", postgres.Data.AliceOrders[1].Id),
            GlobalId.Encode("Order", postgres.Data.BobOrders[0].Id), // someone else's
            GlobalId.Encode("Product", 987654), // missing
            GlobalId.Encode("Product", postgres.Data.Products[4].Id),
            GlobalId.Encode("User", postgres.Data.Alice.Id),
        };
        const string query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";

        var onSqlite = await sqlite.Alice.PostAsync(query, new { ids });
        var onPostgres = await postgres.Alice.PostAsync(query, new { ids });

        Assert.Equal(onSqlite.Body, onPostgres.Body);
        var nodes = onPostgres.Data!["nodes"]!.AsArray();
        Assert.Equal([ids[0], null, null, ids[3], ids[4]], nodes.Select(n => n?["id"]!.GetValue<string>()));
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], onPostgres.ErrorCodes);
    }
}
