namespace GraphApi.Tests.Orders;

/// <summary>The mutation documents the order tests send, selecting every error member's fields.</summary>
internal static class OrderMutationDocuments
{
    private const string OrderFields = """
        order { status total customer { username } items { quantity unitPrice lineTotal product { sku stock } } }
        """;

    public const string PlaceOrder = $$"""
        mutation($items: [OrderLineInput!]!) {
          placeOrder(input: { items: $items }) {
            {{OrderFields}}
            errors {
              __typename
              ... on Error { message }
              ... on ValidationError { field }
              ... on ProductNotFoundError { productId }
              ... on OutOfStockError { productId requested available }
            }
          }
        }
        """;

    public const string CancelOrder = $$"""
        mutation($orderId: ID!) {
          cancelOrder(input: { orderId: $orderId }) {
            {{OrderFields}}
            errors {
              __typename
              ... on Error { message }
              ... on OrderNotFoundError { orderId }
              ... on InvalidStatusTransitionError { from to }
            }
          }
        }
        """;

    public const string UpdateOrderStatus = $$"""
        mutation($orderId: ID!, $status: OrderStatus!) {
          updateOrderStatus(input: { orderId: $orderId, status: $status }) {
            {{OrderFields}}
            errors {
              __typename
              ... on Error { message }
              ... on OrderNotFoundError { orderId }
              ... on InvalidStatusTransitionError { from to }
            }
          }
        }
        """;

    public static object Line(string productId, int quantity) => new { productId, quantity };
}
