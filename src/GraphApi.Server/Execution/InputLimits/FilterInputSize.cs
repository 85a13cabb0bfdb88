using System.Collections;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>
/// The size of a coerced <c>where:</c> value as <see cref="Data.FilterExpressionBuilder"/> reads it: input objects
/// are dictionaries, <c>and</c>/<c>or</c> hold lists of objects at object and at operator level, every other key
/// of an object names a field whose value is an object of operators.
/// </summary>
internal readonly record struct FilterInputSize(int Nodes, int Depth, int LongestList, string? LongestListOperator)
{
    /// <summary>Walks the value with an explicit stack, so no nesting can overflow the call stack.</summary>
    public static FilterInputSize Measure(IDictionary<string, object?> where)
    {
        var nodes = 0;
        var depth = 0;
        var longestList = 0;
        string? longestListOperator = null;
        var pending = new Stack<(IDictionary<string, object?> Input, int Depth, bool Operators)>();
        pending.Push((where, 1, false));
        while (pending.Count > 0)
        {
            var (input, level, operators) = pending.Pop();
            depth = Math.Max(depth, level);
            foreach (var (name, value) in input)
            {
                if (name is "and" or "or")
                {
                    foreach (var entry in Items(value))
                    {
                        nodes++;
                        if (entry is IDictionary<string, object?> nested)
                        {
                            pending.Push((nested, level + 1, operators));
                        }
                    }
                }
                else if (operators)
                {
                    nodes++; // eq: null is an operator too (IS NULL)
                    if (name is "in" or "nin" && value is not null)
                    {
                        var count = Count(value);
                        if (count > longestList)
                        {
                            (longestList, longestListOperator) = (count, name);
                        }
                    }
                }
                else if (value is IDictionary<string, object?> fieldOperators)
                {
                    pending.Push((fieldOperators, level, true));
                }
            }
        }

        return new FilterInputSize(nodes, depth, longestList, longestListOperator);
    }

    /// <summary>The entries of a list value (a single value where a list is expected is a list of one, as in GraphQL).</summary>
    public static IEnumerable<object?> Items(object? value) => value switch
    {
        null => [],
        string => [value],
        IDictionary<string, object?> => [value],
        IEnumerable items => items.Cast<object?>(),
        _ => [value],
    };

    /// <summary>How many entries a list value has, without copying it when it knows its count.</summary>
    public static int Count(object? value) => value is ICollection collection and not IDictionary<string, object?>
        ? collection.Count
        : Items(value).Count();
}
