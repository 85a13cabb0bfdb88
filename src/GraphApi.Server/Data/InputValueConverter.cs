using System.Globalization;

namespace GraphApi.Server.Data;

/// <summary>Converts a GraphQL input value to the CLR type of the entity member it is compared with.</summary>
internal static class InputValueConverter
{
    public static object? Convert(object? value, Type targetType)
    {
        if (value is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (type.IsEnum)
        {
            return ToEnum(value, type);
        }

        return type == typeof(DateTime) ? ToUtcDateTime(value)
            : type == typeof(decimal) ? ToDecimal(value)
            : type.IsInstanceOfType(value) ? value
            : type == typeof(Guid) && value is string text ? Guid.Parse(text, CultureInfo.InvariantCulture)
            : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    /// <summary>Names match ignoring case and underscores, so PENDING → Pending and STATUS_CHANGED → StatusChanged.</summary>
    public static object ToEnum(object value, Type enumType)
    {
        if (value.GetType() == enumType)
        {
            return value;
        }

        if (value is not (string or Enum))
        {
            return Enum.ToObject(enumType, value);
        }

        var wanted = Normalize(value.ToString()!);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (Normalize(name) == wanted)
            {
                return Enum.Parse(enumType, name);
            }
        }

        throw new InvalidOperationException($"'{value}' matches no member of the enum {enumType.Name}.");
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static DateTime ToUtcDateTime(object value) => value switch
    {
        DateTime { Kind: DateTimeKind.Utc } utc => utc,
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        // Timestamps are UTC throughout; a kind-less value (as SQLite hands back) is UTC already.
        DateTime unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
        _ => throw new InvalidOperationException($"Cannot read a DateTime from {value.GetType().Name}."),
    };

    private static decimal ToDecimal(object value) => value switch
    {
        decimal exact => exact,
        double number => System.Convert.ToDecimal(number, CultureInfo.InvariantCulture),
        float number => System.Convert.ToDecimal(number, CultureInfo.InvariantCulture),
        _ => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}
