using GraphApi.Server;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphApi.Data.Conventions;

/// <summary>
/// Keeps every DateTime UTC across the database boundary: SQLite hands values back with Kind=Unspecified,
/// and Npgsql refuses to write non-UTC values into <c>timestamp with time zone</c>.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => UtcTime.ToUtc(value),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
