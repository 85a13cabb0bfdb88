using System.Collections.Concurrent;
using GraphApi.Server.Data;
using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// Estimates an operation's cost on the model of <see cref="CostAnalysisOptions"/>, in time linear in the document:
/// each fragment is summarised once (in <see cref="FragmentOrder"/>) and a spread adds its summary scaled by the
/// multiplier above it, so the exponential expansion of fragments spread inside fragments is never walked. Sums
/// saturate at <see cref="long.MaxValue"/> instead of overflowing. Fields the schema does not know cost 1 and are
/// not followed (validation reports them).
/// </summary>
internal sealed class CostEstimator(CostAnalysisOptions options, PagingOptions paging)
{
    private readonly CostAnalysisOptions _options = options;
    private readonly PagingOptions _paging = paging;
    private readonly ConcurrentDictionary<IComplexGraphType, bool> _connections = new(ReferenceEqualityComparer.Instance);

    // Field definitions belong to one type each, so a definition alone finds its "Type.field" entry.
    private readonly ConcurrentDictionary<FieldType, int?> _configuredSizes = new(ReferenceEqualityComparer.Instance);

    /// <param name="schema">The initialized schema.</param>
    /// <param name="fragmentOrder">The document's fragments from <see cref="FragmentOrder.Of"/>.</param>
    /// <param name="operation">The operation that runs.</param>
    /// <param name="variables">The request's variables.</param>
    public long Estimate(
        ISchema schema, IEnumerable<GraphQLFragmentDefinition> fragmentOrder, GraphQLOperationDefinition operation, Inputs? variables)
    {
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => (IComplexGraphType?)schema.Query,
        };
        var walk = new Walk(this, schema, new ArgumentValues(operation, variables));
        foreach (var fragment in fragmentOrder)
        {
            // A fragment on an introspection type (__Type, __Field...) selects introspection only: it costs nothing.
            if (IsIntrospection(fragment.TypeCondition.Type.Name))
            {
                continue;
            }

            var type = schema.AllTypes[fragment.TypeCondition.Type.Name.Value];
            walk.Fragments[fragment.FragmentName.Name.StringValue] = walk.SelectionSet(type, fragment.SelectionSet);
        }
        return walk.SelectionSet(root, operation.SelectionSet).Fixed;
    }

    private bool IsConnection(IComplexGraphType type) => _connections.GetOrAdd(type,
        static t => ConnectionShapes.IsConnection(t.Name, t.Fields.Select(f => f.Name).ToArray()));

    private int? ConfiguredSize(IComplexGraphType parent, FieldType definition) => _configuredSizes.GetOrAdd(definition,
        static (field, state) => state.Sizes.TryGetValue($"{state.Parent}.{field.Name}", out var size) ? size : null,
        (Sizes: _options.ListSizes, Parent: parent.Name));

    /// <summary>
    /// The cost of a selection set counted from 1 at its own level: <see cref="Fixed"/> whatever the page size, plus
    /// <see cref="PerItem"/> for each item of the page when the set belongs to a connection (what its
    /// <c>nodes</c>/<c>edges</c> select below them). A fragment's cost does not depend on where it is spread except
    /// through the multiplier and, on a connection type, the page size: so one summary serves every spread.
    /// </summary>
    private readonly record struct Cost(long Fixed, long PerItem)
    {
        public static Cost operator +(Cost a, Cost b) => new(Add(a.Fixed, b.Fixed), Add(a.PerItem, b.PerItem));

        public long Total(long pageSize) => Add(Fixed, Multiply(PerItem, pageSize));
    }

    private sealed class Walk(CostEstimator owner, ISchema schema, ArgumentValues arguments)
    {
        public Dictionary<string, Cost> Fragments { get; } = new(StringComparer.Ordinal);

        // Recursion follows the syntax tree only, whose nesting GraphQL-Parser bounds; spreads use summaries.
        public Cost SelectionSet(IGraphType? type, GraphQLSelectionSet selectionSet)
        {
            var parent = type as IComplexGraphType;
            var cost = default(Cost);
            foreach (var selection in selectionSet.Selections)
            {
                cost += selection switch
                {
                    GraphQLField field => Field(parent, field),
                    GraphQLInlineFragment inline => SelectionSet(
                        inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.Value] : type, inline.SelectionSet),
                    // Unknown or cyclic (not yet summarised) fragments cost nothing; validation reports them.
                    GraphQLFragmentSpread spread => Fragments.GetValueOrDefault(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
            }
            return cost;
        }

        private Cost Field(IComplexGraphType? parent, GraphQLField field)
        {
            // Introspection (__schema, __type and all below them, __typename) is not costed: its depth rule guards it.
            if (IsIntrospection(field.Name))
            {
                return default;
            }

            if (parent is null || parent.GetField(field.Name.Value) is not { ResolvedType: { } fieldType } definition)
            {
                return new Cost(1, 0);
            }

            var namedType = fieldType.GetNamedType();
            var below = field.SelectionSet is { } children ? SelectionSet(namedType, children) : default;
            // Only a connection's selection has a per-item part (also when reached through an abstract type).
            var belowEach = below.Total(below.PerItem > 0 ? PageSize(field) : 0);

            var lists = ListDepth(fieldType);
            if (lists == 0)
            {
                return new Cost(Add(1, belowEach), 0);
            }

            if (IsPageList(parent, definition))
            {
                return new Cost(1, Multiply(belowEach, Power(owner._options.DefaultListSize, lists - 1)));
            }

            var size = Multiply(ListSize(parent, definition, field), Power(owner._options.DefaultListSize, lists - 1));
            return new Cost(Add(1, Multiply(size, belowEach)), 0);
        }

        private bool IsPageList(IComplexGraphType parent, FieldType definition) =>
            definition.Name is "nodes" or "edges" && owner.IsConnection(parent);

        private long ListSize(IComplexGraphType parent, FieldType definition, GraphQLField field)
        {
            if (owner.ConfiguredSize(parent, definition) is { } configured)
            {
                return configured;
            }
            // Relay's nodes(ids:): as many items as ids.
            if (definition.Arguments?.Find("ids") is not null && arguments.Count(field, "ids") is { } ids)
            {
                return ids;
            }

            return owner._options.DefaultListSize;
        }

        /// <summary><c>first</c> or <c>last</c> (the larger when both), else the default page size; at most the maximum page size.</summary>
        private long PageSize(GraphQLField field)
        {
            var first = arguments.Integer(field, "first");
            var last = arguments.Integer(field, "last");
            var requested = first is null && last is null
                ? owner._paging.DefaultPageSize
                : Math.Max(first ?? 0, last ?? 0);
            // A larger page is refused (PAGE_SIZE_EXCEEDED) with nothing fetched; its estimate is the most ever fetched.
            return Math.Clamp(requested, 0, owner._paging.MaxPageSize);
        }
    }

    private static bool IsIntrospection(GraphQLName name) => name.Value.Span.StartsWith("__", StringComparison.Ordinal);

    private static int ListDepth(IGraphType type)
    {
        var depth = 0;
        for (var current = type; current is not null;)
        {
            switch (current)
            {
                case NonNullGraphType nonNull:
                    current = nonNull.ResolvedType;
                    break;
                case ListGraphType list:
                    depth++;
                    current = list.ResolvedType;
                    break;
                default:
                    return depth;
            }
        }
        return depth;
    }

    private static long Power(long value, int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result = Multiply(result, value);
        }

        return result;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;
}
