namespace GraphApi.Server.Schema;

/// <summary>Thrown at start-up when the SDL and the bound code disagree; lists every mismatch at once.</summary>
public sealed class SchemaBindingException(IReadOnlyList<string> mismatches)
    : Exception(Format(mismatches))
{
    public IReadOnlyList<string> Mismatches { get; } = mismatches;

    private static string Format(IReadOnlyList<string> mismatches) =>
        $"The schema and its resolvers disagree ({mismatches.Count} mismatch{(mismatches.Count == 1 ? "" : "es")}):"
        + string.Concat(mismatches.Select(m => "\n  - " + m));
}
