namespace GraphApi.Benchmarks.Load;

/// <summary>
/// The documents of the load run's S1–S3. Also compiled into GraphApi.Tests, whose Node comparison test sends these
/// very documents to both servers, so the comparison server cannot fall behind what the load run sends.
/// </summary>
internal static class LoadQueries
{
    public const string S1Products = "{ products(first: 20) { nodes { id name price } } }";

    public const string S2Orders = """
        {
          orders(first: 50) {
            nodes { id status total customer { id username } items { quantity unitPrice product { id name price } } }
          }
        }
        """;

    public const string S3PlaceOrder = """
        mutation PlaceOrder($input: PlaceOrderInput!) {
          placeOrder(input: $input) { order { id total items { quantity } } errors { __typename } }
        }
        """;
}
