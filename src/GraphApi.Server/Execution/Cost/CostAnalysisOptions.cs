namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// The cost limit and the introspection depth limit, checked before validation and execution (see
/// <see cref="CostAnalysisGraphQLBuilderExtensions.UseCostAnalysis"/>); a violation is a request error whose
/// <c>extensions.code</c> comes from <see cref="ErrorCodes"/>.
/// </summary>
/// <remarks>
/// The estimate, with fragments expanded at every spread: each selected field counts 1 × the product of the list
/// sizes above it. A connection's <c>nodes</c>/<c>edges</c> count its <c>first</c> or <c>last</c> (else the paging
/// options' default page size; never more than their maximum page size, which is refused anyway); a list field with
/// an <c>ids</c> argument counts its ids; a field named in <see cref="ListSizes"/> counts that size; any other list
/// counts <see cref="DefaultListSize"/>. Arguments given as variables count their values. Introspection fields
/// (<c>__schema</c>, <c>__type</c>, <c>__typename</c> and everything below them) cost nothing.
/// </remarks>
public sealed class CostAnalysisOptions
{
    /// <summary>The highest estimated cost an operation may have. Default 50,000.</summary>
    public long MaxCost { get; set; } = 50_000;

    /// <summary>The size of a list field that is neither a connection's list nor named in <see cref="ListSizes"/>. Default 10.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>
    /// Sizes of particular list fields, keyed <c>"Type.field"</c> as selected (e.g. <c>ListSizes["Order.items"] = 50</c>
    /// for a list never longer than 50). Default: empty.
    /// </summary>
    public Dictionary<string, int> ListSizes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How deep <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c> may nest inside
    /// <c>__schema</c> or <c>__type</c>, fragments expanded (graphql-js's MaxIntrospectionDepthRule). Default 3.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 3;
}
