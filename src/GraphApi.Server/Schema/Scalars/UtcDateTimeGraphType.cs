using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphApi.Server.Schema.Scalars;

/// <summary>
/// The <c>DateTime</c> scalar: UTC, ISO-8601, exactly millisecond precision with a <c>Z</c> offset
/// (<c>2026-11-26T12:00:00.000Z</c>). GraphQL.NET's built-in prints seven fractional digits.
/// Inputs may carry any offset; they are converted to UTC.
/// </summary>
internal sealed class UtcDateTimeGraphType : ScalarGraphType
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime d => UtcTime.ToUtc(d).ToString(OutputFormat, CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s) ?? ThrowValueConversionError(value),
        DateTime d => UtcTime.ToUtc(d),
        DateTimeOffset o => o.UtcDateTime,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value) ?? ThrowLiteralConversionError(value),
        _ => ThrowLiteralConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => true,
        GraphQLStringValue s => Parse((string)s.Value) is not null,
        _ => false,
    };

    private static DateTime? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
        && text.Contains('T', StringComparison.Ordinal)
            ? parsed.UtcDateTime
            : null;
}
