using System.Text.Json;

namespace GraphApi.Server.Tests.Data.TestData;

/// <summary>
/// Builds input values shaped like schema-first GraphQL.NET's (dictionaries, object[] lists, int, decimal, strings)
/// from JSON text, to keep filter tests readable.
/// </summary>
public static class GraphQLInput
{
    public static IDictionary<string, object?> Object(string json) =>
        (IDictionary<string, object?>)Convert(JsonDocument.Parse(json).RootElement)!;

    public static IReadOnlyList<IDictionary<string, object?>> ObjectList(string json) =>
        ((object?[])Convert(JsonDocument.Parse(json).RootElement)!).Cast<IDictionary<string, object?>>().ToArray();

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt32(out var number) => number,
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
