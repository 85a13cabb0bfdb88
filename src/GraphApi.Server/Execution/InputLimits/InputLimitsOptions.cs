namespace GraphApi.Server.Execution.InputLimits;

/// <summary>
/// Size limits on argument values, checked on the coerced arguments (literals and variables alike) before any
/// resolver runs; a value over a limit is refused with <see cref="ErrorCodes.InputLimitExceeded"/> (HTTP 400).
/// Bound from configuration by the app (e.g. <c>GraphQL:Limits:Input</c>). Every limit must be at least 1.
/// </summary>
public sealed class InputLimitsOptions
{
    /// <summary>
    /// The most nodes a connection's <c>where:</c> holds in all: each <c>and</c>/<c>or</c> entry and each field
    /// operator (<c>eq</c>, <c>in</c>, ...) counts 1, at any nesting. Default 100.
    /// </summary>
    public int MaxFilterNodes { get; set; } = 100;

    /// <summary>
    /// How deep a <c>where:</c> may nest: the object itself is level 1 and every <c>and</c>/<c>or</c> entry is one
    /// level below the object holding the list (a field's operator object adds no level). Default 10.
    /// </summary>
    public int MaxFilterDepth { get; set; } = 10;

    /// <summary>The most values of one <c>in</c> or <c>nin</c> list inside a <c>where:</c>. Default 1,000.</summary>
    public int MaxFilterListValues { get; set; } = 1_000;

    /// <summary>The most entries of a connection's <c>order:</c> list. Default 10.</summary>
    public int MaxSortEntries { get; set; } = 10;

    /// <summary>The most IDs of <c>Query.nodes(ids:)</c> (Hot Chocolate's default node batch size). Default 50.</summary>
    public int MaxNodeIds { get; set; } = 50;

    /// <summary>
    /// Further list limits, keyed by <c>Type.field.argument</c> with input field names after it down to the list,
    /// e.g. <c>Mutation.placeOrder.input.items</c>. Empty by default; features declare theirs with
    /// <see cref="InputLimitsServiceCollectionExtensions.AddInputListLimit"/>, and configuration overrides them.
    /// A key that names no list argument of the schema stops start-up.
    /// </summary>
    public Dictionary<string, int> MaxListLengths { get; } = new(StringComparer.OrdinalIgnoreCase);
}
