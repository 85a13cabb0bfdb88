using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Benchmarks.Load;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Performance;

/// <summary>
/// The load run compares our server with the Node one (Mercurius + graphql-jit) on S1–S3; the comparison is only fair
/// while both do the same work. Both servers here share one SQLite file that our app created and seeded, receive
/// the load run's own documents (<see cref="LoadQueries"/>) and must answer with the same data.
/// </summary>
public sealed class NodeComparisonServerTests
{
    [RequiresNodeFact]
    public async Task The_Node_server_answers_the_load_runs_documents_with_our_data()
    {
        var directory = Directory.CreateTempSubdirectory("graphapi-node-comparison-");
        try
        {
            var database = Path.Combine(directory.FullName, "shop.db");
            using var app = new GraphApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Database"] = $"Data Source={database}" });
            _ = app.Server; // starts the host: migrations run
            var data = await app.WithDbAsync(TestData.SeedAsync);
            await using var node = await NodeComparisonServer.StartAsync(database, GraphApiFactory.SigningKey);

            var admin = app.TokenFor(data.Admin);
            var alice = app.TokenFor(data.Alice);
            GraphQLTestClient Ours(string? token = null) => app.Client(token);
            GraphQLTestClient Node(string? token = null) => new(node.CreateClient(), token);

            // S1, anonymous: the same page.
            AssertSameData(await Ours().PostAsync(LoadQueries.S1Products), await Node().PostAsync(LoadQueries.S1Products));

            // S2: an admin sees every order with its customer, lines and products; anonymous callers are refused alike.
            var ordersOurs = await Ours(admin).PostAsync(LoadQueries.S2Orders);
            AssertSameData(ordersOurs, await Node(admin).PostAsync(LoadQueries.S2Orders));
            Assert.Equal(5, ordersOurs.Data!["orders"]!["nodes"]!.AsArray().Count);
            var anonymousOurs = await Ours().PostAsync(LoadQueries.S2Orders);
            var anonymousNode = await Node().PostAsync(LoadQueries.S2Orders);
            Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymousOurs.ErrorCodes);
            Assert.Equal(anonymousOurs.ErrorCodes, anonymousNode.ErrorCodes);
            Assert.True(JsonNode.DeepEquals(anonymousOurs.Data, anonymousNode.Data), anonymousNode.Body);

            // S3: the same lines (one product twice, merged) give the same order, total and stock taken on each side.
            var keyboard = data.Products[0];
            var mouse = data.Products[1];
            var lines = Order((keyboard.Id, 2), (mouse.Id, 1), (keyboard.Id, 1));
            var placedOurs = await Ours(alice).PostAsync(LoadQueries.S3PlaceOrder, lines);
            var placedNode = await Node(alice).PostAsync(LoadQueries.S3PlaceOrder, lines);
            placedOurs.AssertNoErrors();
            placedNode.AssertNoErrors();
            Assert.Equal(3 * 89.99m + 24.50m, placedOurs.Data!["placeOrder"]!["order"]!["total"]!.GetValue<decimal>());
            var nodeOrderId = (string)placedNode.Data!["placeOrder"]!["order"]!["id"]!;
            AssertSameData(WithoutOrderId(placedOurs), WithoutOrderId(placedNode));

            // Node's order, read back by our server, is stored as ours is: same status, customer, total and lines.
            const string ReadBack = "query($id: ID!) { orderById(id: $id) { status total customer { username } items { quantity unitPrice lineTotal product { id } } } }";
            var oursRead = await Ours(alice).PostAsync(ReadBack, new { id = (string)placedOurs.Data!["placeOrder"]!["order"]!["id"]! });
            var nodeRead = await Ours(alice).PostAsync(ReadBack, new { id = nodeOrderId });
            AssertSameData(oursRead, nodeRead);
            Assert.Equal("PENDING", (string)nodeRead.Data!["orderById"]!["status"]!);
            var stock = await app.WithDbAsync(db => Task.FromResult(db.Products.Where(p => p.Id == keyboard.Id || p.Id == mouse.Id).ToDictionary(p => p.Id, p => p.Stock)));
            Assert.Equal(keyboard.Stock - 3 - 3, stock[keyboard.Id]);
            Assert.Equal(mouse.Stock - 1 - 1, stock[mouse.Id]);

            // S3 when a product is out of stock: the same error, nothing written.
            var empty = data.Products.Single(p => p.Stock == 0);
            var shortOrder = Order((mouse.Id, 1), (empty.Id, 1));
            var shortOurs = await Ours(alice).PostAsync(LoadQueries.S3PlaceOrder, shortOrder);
            AssertSameData(shortOurs, await Node(alice).PostAsync(LoadQueries.S3PlaceOrder, shortOrder));
            Assert.Equal("OutOfStockError", (string)shortOurs.Data!["placeOrder"]!["errors"]![0]!["__typename"]!);
            Assert.Equal(mouse.Stock - 2, await app.WithDbAsync(db => Task.FromResult(db.Products.Single(p => p.Id == mouse.Id).Stock)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static object Order(params (int ProductKey, int Quantity)[] lines) => new
    {
        input = new { items = lines.Select(l => new { productId = ProductId(l.ProductKey), quantity = l.Quantity }).ToArray() },
    };

    private static string ProductId(int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"Product:{key}"));

    /// <summary>The placeOrder response without the new order's ID (each side's order has its own key).</summary>
    private static GraphQLResponse WithoutOrderId(GraphQLResponse response)
    {
        var json = response.Json.DeepClone();
        json["data"]!["placeOrder"]!["order"]!.AsObject().Remove("id");
        return new GraphQLResponse(response.Status, json.ToJsonString());
    }

    /// <summary>No errors on either side and equal data: numbers by value (our 45.00 is Node's 45), keys in any order.</summary>
    private static void AssertSameData(GraphQLResponse ours, GraphQLResponse node)
    {
        ours.AssertNoErrors();
        node.AssertNoErrors();
        Assert.True(JsonNode.DeepEquals(ours.Data, node.Data), $"Ours:\n{GraphQLResponse.Pretty(ours.Data)}\nNode:\n{GraphQLResponse.Pretty(node.Data)}");
    }
}
