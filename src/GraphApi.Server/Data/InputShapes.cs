using System.Collections;

namespace GraphApi.Server.Data;

/// <summary>
/// Reads GraphQL input values as schema-first GraphQL.NET hands them over: input objects as
/// <c>IDictionary&lt;string, object?&gt;</c>, lists as <c>object[]</c> or <c>List&lt;object?&gt;</c>.
/// </summary>
internal static class InputShapes
{
    public static IDictionary<string, object?> AsObject(object? value, string what) =>
        value as IDictionary<string, object?>
        ?? throw new InvalidOperationException($"Expected an input object for '{what}', got {Describe(value)}.");

    public static IReadOnlyList<object?> AsList(object? value, string what) => value switch
    {
        IReadOnlyList<object?> list => list,
        IEnumerable enumerable and not string and not IDictionary<string, object?> => enumerable.Cast<object?>().ToArray(),
        _ => throw new InvalidOperationException($"Expected a list for '{what}', got {Describe(value)}."),
    };

    public static IReadOnlyList<IDictionary<string, object?>> AsObjectList(object? value, string what) =>
        AsList(value, what).Select(item => AsObject(item, what)).ToArray();

    private static string Describe(object? value) => value?.GetType().Name ?? "null";
}
