using System.Globalization;
using GraphApi.Errors;
using GraphApi.Products;

namespace GraphApi.Orders;

/// <summary>The validation phase of <c>placeOrder</c> (docs/rules.md, "Validation"): every error at once.</summary>
internal static class PlaceOrderRules
{
    public const int MaxLines = 50;

    /// <summary>
    /// The most lines the input may have before merging (configurable under this key of
    /// GraphQL:Limits:Input:MaxListLengths): a larger input is refused (INPUT_LIMIT_EXCEEDED) before any product
    /// is loaded, while <see cref="MaxLines"/> stays the ValidationError on merged lines.
    /// </summary>
    public const int MaxInputLines = 1_000;

    public const string ItemsLimitPath = "Mutation.placeOrder.input.items";
    public const int MinQuantity = 1;
    public const int MaxQuantity = 1_000;

    /// <summary>
    /// Checks the line count, each merged line's quantity, and that each product exists
    /// (<paramref name="existingProducts"/> holds the keys found in the database). Errors are ordered by line.
    /// </summary>
    public static IReadOnlyList<object> Validate(IReadOnlyList<MergedOrderLine> lines, IReadOnlySet<int> existingProducts)
    {
        var errors = new List<object>();
        if (lines.Count == 0)
        {
            errors.Add(new ValidationError("An order needs at least one line.", "items"));
        }
        else if (lines.Count > MaxLines)
        {
            errors.Add(new ValidationError(
                $"An order can have at most {MaxLines} different products; this one has {lines.Count}.", "items"));
        }

        foreach (var line in lines)
        {
            var field = $"items[{line.Index.ToString(CultureInfo.InvariantCulture)}]";
            if (!existingProducts.Contains(line.ProductKey))
            {
                errors.Add(new ProductNotFoundError($"No product has the ID '{line.ProductId}'.", line.ProductId));
            }

            if (line.Quantity is < MinQuantity or > MaxQuantity)
            {
                errors.Add(new ValidationError(
                    $"The quantity must be between {MinQuantity} and 1,000 (lines of the same product are added up); it is {line.Quantity}.",
                    field + ".quantity"));
            }
        }

        return errors;
    }
}
