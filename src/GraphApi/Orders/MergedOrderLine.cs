using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;

namespace GraphApi.Orders;

/// <summary>
/// An order line after lines naming the same product were merged. <see cref="Index"/> is the position of the
/// product's first line in the input, so errors point at <c>items[Index]</c>; <see cref="ProductKey"/> is the
/// decoded key of <see cref="ProductId"/>.
/// </summary>
internal sealed record MergedOrderLine(int Index, string ProductId, int ProductKey, long Quantity)
{
    /// <summary>
    /// Merges lines of the same product, summing quantities, in order of first occurrence. A line whose ID is
    /// malformed or names another type throws INVALID_ID, as every argument expecting a Product ID does
    /// (docs/rules.md, "IDs").
    /// </summary>
    public static IReadOnlyList<MergedOrderLine> Merge(IReadOnlyList<OrderLineInput> lines)
    {
        var merged = new List<MergedOrderLine>();
        var byProduct = new Dictionary<int, int>(); // product key → position in merged
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var key = GlobalId.Parse<int>(line.ProductId, ProductGraph.TypeName);
            if (byProduct.TryGetValue(key, out var position))
            {
                // long: 50 lines of int.MaxValue must not overflow into a "valid" quantity.
                merged[position] = merged[position] with { Quantity = merged[position].Quantity + line.Quantity };
                continue;
            }

            byProduct[key] = merged.Count;
            merged.Add(new MergedOrderLine(index, line.ProductId, key, line.Quantity));
        }

        return merged;
    }
}
