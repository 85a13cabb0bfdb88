using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphApi.Data.Conventions;

/// <summary>
/// Stores money as long minor units (cents): EF Core's SQLite provider cannot compare or ORDER BY decimal
/// columns, while an integer column filters and sorts in SQL on both providers, exactly.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(
    amount => ToMinorUnits(amount),
    cents => FromMinorUnits(cents))
{
    /// <summary>The largest amount stored; far beyond any price, well inside a long of cents.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Reads stored cents back as an amount; multiplying by 0.01m keeps scale 2, so 1234.50 reads back as 1234.50.</summary>
    public static decimal FromMinorUnits(long cents) => cents * 0.01m;

    /// <summary>Converts an amount to cents; refuses sub-cent amounts instead of silently rounding them.</summary>
    public static long ToMinorUnits(decimal amount) =>
        ProblemWith(amount) is { } problem
            ? throw new ArgumentOutOfRangeException(nameof(amount), amount, problem)
            : (long)(amount * 100m);

    /// <summary>Why <paramref name="amount"/> cannot be stored or compared exactly in cents, or null.</summary>
    public static string? ProblemWith(decimal amount) =>
        amount * 100m != decimal.Truncate(amount * 100m) ? "Money has at most 2 decimals."
        : Math.Abs(amount) > MaxAmount ? $"Money is at most {MaxAmount:N0} in size."
        : null;
}
