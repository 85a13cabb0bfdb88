using System.Globalization;

namespace GraphApi.Orders;

/// <summary>The topics order events are published to.</summary>
internal static class OrderTopics
{
    /// <summary>Every order's events (the <c>orderEvents</c> dashboard stream).</summary>
    public const string AllOrders = "orders";

    /// <summary>The events of one order (<c>orderStatusChanged(orderId:)</c>).</summary>
    public static string Order(int orderId) => "order:" + orderId.ToString(CultureInfo.InvariantCulture);
}
