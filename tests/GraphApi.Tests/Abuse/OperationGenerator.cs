using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace GraphApi.Tests.Abuse;

/// <summary>
/// Writes random operations against the served schema from a seeded <see cref="Random"/>: real fields and arguments,
/// values that are sometimes right and often hostile (wrong types, extremes, long lists, garbage IDs and cursors),
/// passed as literals or as variables. The same seed writes the same cases, so a failure is a repro.
/// </summary>
internal sealed class OperationGenerator(ISchema schema, Random random)
{
    private static readonly string[] TypeNames = ["Product", "User", "Order", "OrderItem", "Nope", ""];
    private static readonly string[] Strings =
    [
        "", "a", "Keyboard", "o", "%", "_", "'; DROP TABLE users; --", "\\", "\"", "\u0000", "é", "🙂", "\uD800",
        "sku-1", "KB-001", "x@example.com", "alice", "null", "NaN", "-1", "1e309",
    ];

    private readonly List<(string Name, string Type, JsonNode? Value)> _variables = [];
    private int _budget;
    private int _aliases;
    private bool _wellTyped;
    private bool _longListWritten;

    public sealed record Case(string Query, JsonObject? Variables, string? OperationName);

    public Case Next()
    {
        _variables.Clear();
        // Half the cases keep to the types (extreme values, long lists, odd strings) so they reach execution;
        // the other half also break them, to exercise validation and coercion.
        _wellTyped = random.Next(2) == 0;
        _longListWritten = false;
        _budget = 60 + random.Next(200);
        var (keyword, root) = random.Next(20) switch
        {
            < 13 => ("query", schema.Query),
            < 19 => ("mutation", (IObjectGraphType)schema.Mutation!),
            _ => ("subscription", (IObjectGraphType)schema.Subscription!),
        };
        var selection = SelectionSet(root, depth: 0);
        var name = random.Next(4) == 0 ? "Op" + random.Next(3) : null;
        var header = _variables.Count == 0 && name is null
            ? keyword
            : $"{keyword} {name}" + (_variables.Count == 0 ? "" : "(" + string.Join(", ", _variables.Select(v => $"${v.Name}: {v.Type}")) + ")");
        JsonObject? variables = null;
        if (_variables.Count > 0)
        {
            variables = [];
            foreach (var (variable, _, value) in _variables)
            {
                // Now and then a variable is left out or given a value of another shape.
                if (!_wellTyped && random.Next(15) == 0)
                {
                    continue;
                }
                variables[variable] = !_wellTyped && random.Next(20) == 0 ? RandomJson(2) : value;
            }
        }
        return new Case($"{header} {selection}", variables, random.Next(10) == 0 ? "Op" + random.Next(3) : name);
    }

    private string SelectionSet(IComplexGraphType type, int depth)
    {
        var builder = new StringBuilder("{ ");
        var fields = type.Fields.ToList();
        var count = 1 + random.Next(Math.Min(4, fields.Count));
        var selected = new HashSet<string>();
        for (var i = 0; i < count && _budget-- > 0; i++)
        {
            var field = fields[random.Next(fields.Count)];
            // A field selected twice gets an alias of its own, else the two would have to merge (arguments and all).
            if (!selected.Add(field.Name) || random.Next(5) == 0)
            {
                builder.Append('a').Append(_aliases++).Append(": ");
            }
            builder.Append(field.Name).Append(Arguments(field));
            var inner = Unwrap(field.ResolvedType!);
            if (inner is IAbstractGraphType @abstract && (inner is not IComplexGraphType || random.Next(2) == 0))
            {
                builder.Append(' ').Append(AbstractSelection(@abstract, depth));
            }
            else if (inner is IComplexGraphType complex)
            {
                builder.Append(' ').Append(depth > 5 ? "{ __typename }" : SelectionSet(complex, depth + 1));
            }
            builder.Append(' ');
        }
        if (random.Next(6) == 0)
        {
            builder.Append("__typename ");
        }
        return builder.Append('}').ToString();
    }

    private string AbstractSelection(IAbstractGraphType type, int depth)
    {
        var builder = new StringBuilder("{ __typename ");
        foreach (var possible in type.PossibleTypes.Where(_ => random.Next(2) == 0))
        {
            builder.Append("... on ").Append(possible.Name).Append(' ').Append(depth > 5 ? "{ __typename }" : SelectionSet(possible, depth + 1)).Append(' ');
        }
        return builder.Append('}').ToString();
    }

    private string Arguments(FieldType field)
    {
        if (field.Arguments is not { Count: > 0 } arguments)
        {
            return "";
        }
        var parts = new List<string>();
        foreach (var argument in arguments)
        {
            var required = argument.ResolvedType is NonNullGraphType;
            if (!required && random.Next(3) == 0)
            {
                continue;
            }
            if (random.Next(3) == 0)
            {
                var name = "v" + _variables.Count;
                _variables.Add((name, TypeText(argument.ResolvedType!), Json(argument.ResolvedType!, 0)));
                parts.Add($"{argument.Name}: ${name}");
            }
            else
            {
                parts.Add($"{argument.Name}: {Literal(argument.ResolvedType!, 0)}");
            }
        }
        return parts.Count == 0 ? "" : "(" + string.Join(", ", parts) + ")";
    }

    private string Literal(IGraphType type, int depth) => LiteralOf(Json(type, depth));

    /// <summary>A value for <paramref name="type"/>, right about two times in three.</summary>
    private JsonNode? Json(IGraphType type, int depth)
    {
        if (!_wellTyped && random.Next(25) == 0)
        {
            return RandomJson(depth);
        }
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Json(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                return JsonList(list.ResolvedType!, depth);
            case EnumerationGraphType enumeration:
                var values = enumeration.Values.ToList();
                return !_wellTyped && random.Next(8) == 0 ? "NOPE" : values[random.Next(values.Count)].Name;
            case IInputObjectGraphType input:
                return InputObject(input, depth);
            default:
                return Scalar(type.Name);
        }
    }

    private JsonNode JsonList(IGraphType item, int depth)
    {
        // Mostly short; sometimes long enough to meet the input limits from both sides. One long list a case at
        // most, and its items hold short lists only: nested long lists would multiply into gigabytes.
        var length = _longListWritten ? random.Next(4) : random.Next(30) switch
        {
            0 => 100 + random.Next(1_100),
            < 3 => 40 + random.Next(80),
            _ => random.Next(4),
        };
        _longListWritten |= length > 20;
        var array = new JsonArray();
        var first = Json(item, depth + 1);
        for (var i = 0; i < length; i++)
        {
            // Long lists repeat one value so a case stays a few hundred kilobytes at most.
            array.Add(length > 20 ? first?.DeepClone() : Json(item, depth + 1));
        }
        return array;
    }

    private JsonObject InputObject(IInputObjectGraphType input, int depth)
    {
        var result = new JsonObject();
        foreach (var field in input.Fields)
        {
            var required = field.ResolvedType is NonNullGraphType;
            var nested = field.Name is "and" or "or";
            if ((required && (_wellTyped || random.Next(20) != 0)) || (!required && random.Next(nested ? (depth > 3 ? 50 : 4) : 3) == 0))
            {
                result[field.Name] = Json(field.ResolvedType!, depth + 1);
            }
        }
        if (!_wellTyped && random.Next(30) == 0)
        {
            result["unknownField"] = 1;
        }
        return result;
    }

    private JsonNode? Scalar(string name) => name switch
    {
        "Int" => random.Next(6) switch
        {
            0 => int.MaxValue,
            1 => int.MinValue,
            2 => -random.Next(100),
            3 => 50 + random.Next(2),
            _ => random.Next(60),
        },
        "Float" => random.NextDouble() * 1e6,
        "Decimal" when _wellTyped => Math.Round((decimal)(random.NextDouble() * 1_000), random.Next(3)),
        "DateTime" when _wellTyped => "2026-01-01T12:00:00.000Z",
        "Boolean" => random.Next(2) == 0,
        "Decimal" => random.Next(5) switch
        {
            0 => 1.005m,
            1 => -1m,
            2 => 99999999999999999999m,
            _ => Math.Round((decimal)(random.NextDouble() * 1_000), 2),
        },
        "DateTime" => random.Next(3) switch
        {
            0 => "not a date",
            1 => "9999-12-31T23:59:59.999Z",
            _ => "2026-01-01T12:00:00.000Z",
        },
        "ID" => Id(),
        _ => random.Next(20) == 0 ? new string('x', 10_000) : Strings[random.Next(Strings.Length)],
    };

    private string Id() => random.Next(6) switch
    {
        0 => "!!nope!!",
        1 => Convert.ToBase64String(Encoding.UTF8.GetBytes("Product")),
        2 => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TypeNames[random.Next(TypeNames.Length)]}:{RandomKey()}")),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TypeNames[random.Next(3)]}:{1 + random.Next(12)}")),
    };

    private string RandomKey() => random.Next(4) switch
    {
        0 => "-1",
        1 => "99999999999999999999",
        2 => "abc",
        _ => random.Next(1_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private JsonNode? RandomJson(int depth) => random.Next(depth > 2 ? 5 : 7) switch
    {
        0 => null,
        1 => random.Next(),
        2 => "x",
        3 => true,
        4 => 1.5,
        5 => new JsonArray(RandomJson(depth + 1), RandomJson(depth + 1)),
        _ => new JsonObject { ["k"] = RandomJson(depth + 1) },
    };

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    private static string TypeText(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeText(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeText(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>GraphQL literal syntax for a JSON value; strings that name enum values are written as enum literals.</summary>
    private static string LiteralOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(LiteralOf)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{p.Key}: {LiteralOf(p.Value)}")) + "}",
        JsonValue value when value.TryGetValue<string>(out var text) && IsEnumName(text) => text,
        _ => node.ToJsonString(),
    };

    private static bool IsEnumName(string text) =>
        text.Length > 1 && text.All(c => char.IsAsciiLetterUpper(c) || c == '_') && text is not "NaN";
}
