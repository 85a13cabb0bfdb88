using GraphQLParser.AST;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>A syntactic look at a document: does any field in it pass an argument of one of the given names?</summary>
internal static class LimitedArguments
{
    public static bool AppearIn(GraphQLDocument document, IReadOnlySet<string> names)
    {
        if (names.Count == 0)
        {
            return false;
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
                        if (field.Arguments?.Items.Any(argument => names.Contains(argument.Name.StringValue)) == true)
                        {
                            return true;
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

        return false;
    }
}
