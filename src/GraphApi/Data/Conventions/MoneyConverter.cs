using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphApi.Data.Conventions;

/// <summary>
/// Stores money as long minor units (cents): EF Core's SQLite provider cannot compare or ORDER BY decimal
/// columns, while an integer column filters and sorts in SQL on both providers, exactly.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(
    amount => ToMinorUnits(amount),
    cents => cents * 0.01m) // multiplying by 0.01m keeps scale 2, so 1234.50 reads back as 1234.50
{
    /// <summary>Converts an amount to cents; refuses sub-cent amounts instead of silently rounding them.</summary>
    public static long ToMinorUnits(decimal amount)
    {
        var cents = amount * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money has at most 2 decimals.");
        }

        return checked((long)cents);
    }
}
