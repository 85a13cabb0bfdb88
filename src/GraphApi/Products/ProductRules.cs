using System.Globalization;
using GraphApi.Validation;

namespace GraphApi.Products;

/// <summary>
/// Validation rules for catalogue input (docs/rules.md, "Validation"). Each validator returns an error message,
/// or null when the value is acceptable.
/// </summary>
internal static class ProductRules
{
    public const decimal MaxPrice = 1_000_000.00m;
    public const int MaxStock = 1_000_000;
    public const int MaxRestockQuantity = 1_000_000;

    /// <summary>Not fixed by the contract: long enough for any real product title, short enough for a list view.</summary>
    public const int NameMaxLength = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Names are stored without surrounding white space, so "  " counts as empty.</summary>
    public static string NormalizeName(string name) => name.Trim();

    public static string? ValidateSku(string sku) =>
        KeyText.IsValid(sku, 1, Product.SkuMaxLength)
            ? null
            : $"SKU must be 1–{Product.SkuMaxLength} characters of {KeyText.AllowedCharacters}.";

    public static string? ValidateName(string name)
    {
        var trimmed = NormalizeName(name);
        return trimmed.Length is > 0 and <= NameMaxLength
            ? null
            : $"Name must be 1–{NameMaxLength} characters and not only white space.";
    }

    public static string? ValidatePrice(decimal price)
    {
        if (price is < 0m or > MaxPrice)
        {
            return $"Price must be between 0.00 and {MaxPrice.ToString("N2", Invariant)}.";
        }

        // Prices are stored as whole cents: a third decimal would be silently lost.
        return decimal.Round(price, 2) == price ? null : "Price must have at most 2 decimal places.";
    }

    public static string? ValidateStock(int stock) =>
        stock is >= 0 and <= MaxStock
            ? null
            : $"Stock must be between 0 and {MaxStock.ToString("N0", Invariant)}.";

    public static string? ValidateRestockQuantity(int quantity) =>
        quantity is >= 1 and <= MaxRestockQuantity
            ? null
            : $"Quantity must be between 1 and {MaxRestockQuantity.ToString("N0", Invariant)}.";

    public static string StockLimitExceeded(int currentStock, int quantity) =>
        $"Restocking {quantity.ToString("N0", Invariant)} would raise the stock from " +
        $"{currentStock.ToString("N0", Invariant)} above the maximum of {MaxStock.ToString("N0", Invariant)}.";
}
