using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphApi.Data.Conventions;

/// <summary>
/// Keeps every DateTime UTC across the database boundary: SQLite hands values back with Kind=Unspecified,
/// and Npgsql refuses to write non-UTC values into <c>timestamp with time zone</c>.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc))
{
    /// <summary>Local values are converted; unspecified ones are taken to be UTC already.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
