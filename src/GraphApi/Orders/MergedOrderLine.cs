using System.Globalization;
using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;

namespace GraphApi.Orders;

/// <summary>
/// An order line after lines naming the same product were merged. <see cref="Index"/> is the position of the
/// product's first line in the input, so errors point at <c>items[Index]</c>; <see cref="ProductKey"/> is null
/// when <see cref="ProductId"/> is not a Product ID (such lines are never merged).
/// </summary>
internal sealed record MergedOrderLine(int Index, string ProductId, int? ProductKey, long Quantity)
{
    /// <summary>Merges lines of the same product, summing quantities, in order of first occurrence.</summary>
    public static IReadOnlyList<MergedOrderLine> Merge(IReadOnlyList<OrderLineInput> lines)
    {
        var merged = new List<MergedOrderLine>();
        var byProduct = new Dictionary<int, int>(); // product key → position in merged
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var key = TryProductKey(line.ProductId);
            if (key is { } productKey && byProduct.TryGetValue(productKey, out var position))
            {
                // long: 50 lines of int.MaxValue must not overflow into a "valid" quantity.
                merged[position] = merged[position] with { Quantity = merged[position].Quantity + line.Quantity };
                continue;
            }

            if (key is { } newKey)
            {
                byProduct[newKey] = merged.Count;
            }

            merged.Add(new MergedOrderLine(index, line.ProductId, key, line.Quantity));
        }

        return merged;
    }

    private static int? TryProductKey(string productId) =>
        GlobalId.TryDecode(productId, out var typeName, out var raw)
        && typeName == ProductGraph.TypeName
        && int.TryParse(raw, CultureInfo.InvariantCulture, out var key)
            ? key
            : null;
}
