using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// graphql-js's MaxIntrospectionDepthRule in linear time: below each <c>__schema</c> or <c>__type</c> field, the
/// deepest nesting of <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c>, fragments
/// expanded. Each fragment's depth is measured once (in <see cref="FragmentOrder"/>) and added at every spread.
/// </summary>
internal static class IntrospectionDepth
{
    /// <summary>Every <c>__schema</c>/<c>__type</c> field of the document that nests deeper than <paramref name="maxDepth"/>, with its depth.</summary>
    public static List<(GraphQLField Field, int Depth)> Violations(
        GraphQLDocument document, IEnumerable<GraphQLFragmentDefinition> fragmentOrder, int maxDepth)
    {
        var walk = new Walk(maxDepth);
        foreach (var fragment in fragmentOrder)
        {
            walk.FragmentDepths[fragment.FragmentName.Name.StringValue] = walk.Depth(fragment.SelectionSet);
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation)
            {
                walk.Depth(operation.SelectionSet);
            }
        }
        return walk.Violations;
    }

    private static bool IsRoot(GraphQLName name) => name == "__schema" || name == "__type";

    private static bool IsNestingList(GraphQLName name) =>
        name == "fields" || name == "inputFields" || name == "interfaces" || name == "possibleTypes";

    private sealed class Walk(int maxDepth)
    {
        public Dictionary<string, int> FragmentDepths { get; } = new(StringComparer.Ordinal);

        public List<(GraphQLField Field, int Depth)> Violations { get; } = [];

        // Recursion follows the syntax tree only, whose nesting GraphQL-Parser bounds.
        public int Depth(GraphQLSelectionSet selectionSet)
        {
            var deepest = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var depth = selection switch
                {
                    GraphQLField field => FieldDepth(field),
                    GraphQLInlineFragment inline => Depth(inline.SelectionSet),
                    // Unknown or cyclic (not yet measured) fragments reach nothing; validation reports them.
                    GraphQLFragmentSpread spread => FragmentDepths.GetValueOrDefault(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                deepest = Math.Max(deepest, depth);
            }
            return deepest;
        }

        private int FieldDepth(GraphQLField field)
        {
            var below = field.SelectionSet is { } children ? Depth(children) : 0;
            if (IsRoot(field.Name) && below > maxDepth)
            {
                Violations.Add((field, below));
            }

            return IsNestingList(field.Name) ? below + 1 : below;
        }
    }
}
