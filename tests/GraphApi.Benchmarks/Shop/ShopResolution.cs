namespace GraphApi.Benchmarks.Shop;

/// <summary>How <c>Order.customer</c>, <c>Order.items</c> and <c>OrderItem.product</c> reach the database.</summary>
internal enum ShopResolution
{
    /// <summary>Per-request DataLoaders (what the app does).</summary>
    Batched,

    /// <summary>One query per parent (the N+1 baseline).</summary>
    PerParent,
}
