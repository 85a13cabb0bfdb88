using GraphQLParser.AST;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>A syntactic look at a document's arguments that some input limit reads (by name, in any operation or fragment).</summary>
internal static class LimitedArguments
{
    /// <summary>Does any field in the document pass an argument of one of the given names?</summary>
    public static bool AppearIn(GraphQLDocument document, IReadOnlySet<string> names) => Named(document, names).Any();

    /// <summary>
    /// Is every such argument a bare variable of <paramref name="operation"/> without a default value
    /// (<c>input: $input</c>)? Then the request's own variable values are all there is to measure.
    /// </summary>
    public static bool AreAllBareVariables(GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlySet<string> names) =>
        Named(document, names).All(argument => argument.Value is GraphQLVariable variable
            && operation.Variables?.Items.FirstOrDefault(definition => definition.Variable.Name.Value.Span.SequenceEqual(variable.Name.Value.Span)) is { DefaultValue: null });

    private static IEnumerable<GraphQLArgument> Named(GraphQLDocument document, IReadOnlySet<string> names)
    {
        if (names.Count == 0)
        {
            yield break;
        }

        // An explicit stack: selection sets nest as deep as the parser allows.
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    pending.Push(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    pending.Push(fragment.SelectionSet);
                    break;
            }
        }

        while (pending.TryPop(out var selectionSet))
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        foreach (var argument in field.Arguments?.Items ?? [])
                        {
                            if (names.Contains(argument.Name.StringValue))
                            {
                                yield return argument;
                            }
                        }

                        if (field.SelectionSet is { } children)
                        {
                            pending.Push(children);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }
    }
}
