using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// A document's fragments ordered so that each comes after every fragment it spreads: a walk in this order can
/// summarise each fragment once from the summaries of the fragments it spreads, linear in the document however
/// often they are spread. A spread of an unknown fragment, or one closing a cycle, finds no summary (GraphQL.NET's
/// validation reports both); a duplicate name keeps its first definition, as <c>Limits.DocumentShape</c> does.
/// </summary>
internal static class FragmentOrder
{
    public static List<GraphQLFragmentDefinition> Of(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        var ordered = new List<GraphQLFragmentDefinition>(fragments.Count);
        var seen = new HashSet<GraphQLFragmentDefinition>(ReferenceEqualityComparer.Instance);
        // An explicit stack: a long chain of fragments must not overflow the call stack.
        var stack = new Stack<(GraphQLFragmentDefinition Fragment, List<string> Spreads, int Next)>();
        foreach (var root in fragments.Values)
        {
            if (!seen.Add(root))
            {
                continue;
            }

            stack.Push((root, SpreadsOf(root.SelectionSet), 0));
            while (stack.Count > 0)
            {
                var (fragment, spreads, next) = stack.Pop();
                if (next == spreads.Count)
                {
                    ordered.Add(fragment);
                    continue;
                }
                stack.Push((fragment, spreads, next + 1));
                if (fragments.TryGetValue(spreads[next], out var spread) && seen.Add(spread))
                {
                    stack.Push((spread, SpreadsOf(spread.SelectionSet), 0));
                }
            }
        }
        return ordered;
    }

    private static List<string> SpreadsOf(GraphQLSelectionSet selectionSet)
    {
        var spreads = new List<string>();
        Collect(selectionSet, spreads);
        return spreads;
    }

    // Recursion follows the syntax tree only, whose nesting GraphQL-Parser bounds.
    private static void Collect(GraphQLSelectionSet selectionSet, List<string> spreads)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField { SelectionSet: { } children }:
                    Collect(children, spreads);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, spreads);
                    break;
                case GraphQLFragmentSpread spread:
                    spreads.Add(spread.FragmentName.Name.StringValue);
                    break;
            }
        }
    }
}
