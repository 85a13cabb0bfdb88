using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Nodes;

public sealed class NodeQueryTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string NodeQuery = """
        query($id: ID!) {
          node(id: $id) {
            __typename
            id
            ... on User { username }
            ... on Product { sku }
            ... on Order { status }
          }
        }
        """;

    public static TheoryData<string> NodeTypes => ["User", "Product", "Order"];

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public async Task Node_round_trips_every_node_type(string typeName)
    {
        var key = typeName switch
        {
            "User" => fixture.Data.Alice.Id,
            "Product" => fixture.Data.Products[1].Id,
            _ => fixture.Data.AliceOrders[0].Id,
        };
        var id = GlobalId.Encode(typeName, key);

        var response = await fixture.Alice.PostAsync(NodeQuery, new { id });

        response.AssertNoErrors();
        Assert.Equal(typeName, response.Data!["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal(id, response.Data!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_resolves_mixed_types_in_order_with_nulls_for_missing_and_foreign()
    {
        var ids = new[]
        {
            GlobalId.Encode("Product", fixture.Data.Products[0].Id),
            GlobalId.Encode("Order", fixture.Data.BobOrders[0].Id), // someone else's order
            GlobalId.Encode("Product", 987654), // missing
            GlobalId.Encode("Order", fixture.Data.AliceOrders[1].Id),
        };

        var response = await fixture.Alice.PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });

        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(ids[0], nodes[0]!["id"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Null(nodes[2]);
        Assert.Equal(ids[3], nodes[3]!["id"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Equal("[\"nodes\",1]", response.Errors[0]!["path"]!.ToJsonString());
    }

    [Fact]
    public async Task Node_reaching_someone_elses_order_through_a_fragment_is_denied()
    {
        var id = GlobalId.Encode("Order", fixture.Data.AliceOrders[0].Id);

        var response = await fixture.Bob.PostAsync(
            "query($id: ID!) { node(id: $id) { ...O } } fragment O on Order { status total }", new { id });

        Assert.Null(response.Data!["node"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("Tm9wZTox")] // "Nope:1": no such type
    public async Task Node_with_a_malformed_id_is_INVALID_ID(string id)
    {
        var response = await fixture.Alice.PostAsync(NodeQuery, new { id });

        Assert.Null(response.Data!["node"]);
        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }
}
