using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Server.Tests.Execution.InputLimits;

/// <summary>An enum value: bare in a GraphQL literal, a string in JSON variables.</summary>
internal sealed record EnumValue(string Name);

/// <summary>Writes one input value both as a GraphQL literal and as JSON, so each limit is tested both ways.</summary>
internal static class InputText
{
    public static string Literal(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, json: false);
        return text.ToString();
    }

    public static string Json(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, json: true);
        return text.ToString();
    }

    /// <summary>
    /// <c>{ field(argument: value) selection }</c> with the value written in the document, or the same through
    /// the variable <c>$v</c> of <paramref name="type"/>.
    /// </summary>
    public static (string Query, string? Variables) Request(
        string field, string argument, string type, object? value, bool asVariable, string selection = "{ nodes { id } }",
        string operation = "query", string otherArguments = "")
    {
        var prefix = otherArguments.Length == 0 ? "" : otherArguments + ", ";
        return asVariable
            ? ($"{operation}($v: {type}) {{ {field}({prefix}{argument}: $v) {selection} }}", $"{{\"v\": {Json(value)}}}")
            : ($"{operation} {{ {field}({prefix}{argument}: {Literal(value)}) {selection} }}", null);
    }

    private static void Write(StringBuilder text, object? value, bool json)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                break;
            case EnumValue e:
                text.Append(json ? JsonSerializer.Serialize(e.Name) : e.Name);
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case IDictionary<string, object?> input:
                text.Append('{');
                var first = true;
                foreach (var (name, fieldValue) in input)
                {
                    text.Append(first ? "" : ", ").Append(json ? JsonSerializer.Serialize(name) : name).Append(": ");
                    Write(text, fieldValue, json);
                    first = false;
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                var index = 0;
                foreach (var item in items)
                {
                    text.Append(index++ == 0 ? "" : ", ");
                    Write(text, item, json);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"No input text for {value.GetType().Name}.", nameof(value));
        }
    }
}

/// <summary>Input values of given sizes, and the outcome checks every limit test shares.</summary>
internal static class LimitInputs
{
    public static Dictionary<string, object?> Obj(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value);

    /// <summary>A <c>where</c> of exactly <paramref name="nodes"/> nodes that every widget matches.</summary>
    public static Dictionary<string, object?> WhereOfNodes(int nodes)
    {
        // Each and entry { stock: { gte: 0 } } is 2 nodes (the entry, its operator); an odd count adds one operator.
        var where = Obj(("and", Enumerable.Range(0, nodes / 2).Select(_ => (object?)Obj(("stock", Obj(("gte", 0))))).ToArray()));
        if (nodes % 2 == 1)
        {
            where["name"] = Obj(("neq", "none"));
        }

        return where;
    }

    /// <summary>A <c>where</c> nesting <paramref name="depth"/> levels (depth - 1 nested and entries).</summary>
    public static Dictionary<string, object?> WhereOfDepth(int depth)
    {
        var where = Obj(("stock", Obj(("gte", 0))));
        for (var level = 1; level < depth; level++)
        {
            where = Obj(("and", new object?[] { where }));
        }

        return where;
    }

    public static int[] Values(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>An <c>order</c> list of <paramref name="entries"/> entries, alternating name ASC and stock DESC.</summary>
    public static object?[] Order(int entries) => Enumerable.Range(0, entries)
        .Select(i => (object?)Obj(i % 2 == 0 ? ("name", new EnumValue("ASC")) : ("stock", new EnumValue("DESC"))))
        .ToArray();

    public static void AssertServed(ExecutionResult result)
    {
        Assert.True(result.Executed, string.Join("; ", result.Errors?.Select(e => $"{e.Code}: {e.Message}") ?? []));
        Assert.Null(result.Errors);
    }

    /// <summary>Refused before execution with one INPUT_LIMIT_EXCEEDED naming <paramref name="limit"/>.</summary>
    public static ExecutionError AssertRefused(ExecutionResult result, string limit, string argument)
    {
        Assert.False(result.Executed);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.InputLimitExceeded, error.Code);
        Assert.Equal(limit, error.Extensions!["limit"]);
        Assert.Equal(argument, error.Extensions["argument"]);
        Assert.Contains($"'{argument}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({limit})", error.Message, StringComparison.Ordinal);
        return error;
    }
}
