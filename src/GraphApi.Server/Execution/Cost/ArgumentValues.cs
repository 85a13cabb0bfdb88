using System.Collections;
using System.Globalization;
using System.Numerics;
using GraphQL;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// Reads the numbers the cost estimate needs from a field's arguments, literal or variable (the request's value,
/// else the variable's default). Tolerant by design: a value of the wrong type or shape reads as absent and is left
/// to GraphQL.NET's validation, so no input can make the estimate throw.
/// </summary>
internal sealed class ArgumentValues(GraphQLOperationDefinition operation, Inputs? variables)
{
    /// <summary>An integer argument, saturated to the <see cref="long"/> range; null when absent, null or not an integer.</summary>
    public long? Integer(GraphQLField field, string name) =>
        Find(field, name) is { } value ? IntegerOf(value) : null;

    /// <summary>How many items a list argument holds (a single value is a list of one); null when absent or null.</summary>
    public long? Count(GraphQLField field, string name) =>
        Find(field, name) is { } value ? CountOf(value) : null;

    private static GraphQLValue? Find(GraphQLField field, string name)
    {
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (argument.Name == name)
            {
                return argument.Value;
            }
        }
        return null;
    }

    private long? IntegerOf(GraphQLValue value) => value switch
    {
        GraphQLIntValue literal => ParseInteger(literal.Value.Span),
        GraphQLVariable variable => TryVariable(variable, out var given) ? IntegerOf(given) : DefaultOf(variable) is { } d ? IntegerOf(d) : null,
        _ => null,
    };

    private long? CountOf(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLListValue list => list.Values?.Count ?? 0,
        GraphQLVariable variable => TryVariable(variable, out var given) ? CountOf(given) : DefaultOf(variable) is { } d ? CountOf(d) : null,
        _ => 1,
    };

    private bool TryVariable(GraphQLVariable variable, out object? value)
    {
        value = null;
        return variables is not null && variables.TryGetValue(variable.Name.StringValue, out value);
    }

    private GraphQLValue? DefaultOf(GraphQLVariable variable)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            if (definition.Variable.Name == variable.Name)
            {
                return definition.DefaultValue;
            }
        }
        return null;
    }

    private static long? IntegerOf(object? value) => value switch
    {
        int i => i,
        long l => l,
        BigInteger big => big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big,
        double or float or decimal => null, // not an Int: validation refuses it
        IConvertible convertible when convertible.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.UInt64 =>
            ParseInteger(convertible.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static long? CountOf(object? value) => value switch
    {
        null => null,
        string => 1,
        ICollection collection => collection.Count,
        IEnumerable items => items.Cast<object?>().LongCount(),
        _ => 1,
    };

    private static long? ParseInteger(ReadOnlySpan<char> digits)
    {
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        // Too many digits for a long: the direction is all that matters for a clamped size.
        return digits.Length > 0 && digits[0] == '-' ? long.MinValue : long.MaxValue;
    }
}
