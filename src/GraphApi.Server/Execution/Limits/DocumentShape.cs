using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Limits;

/// <summary>
/// The size of a document as written (field selections, directive uses) and, for each operation with fragments
/// expanded, its field depth and fragment nesting. Linear in the document; a cyclic or unknown fragment spread
/// counts as one spread reaching no fields (GraphQL.NET's validation reports it) and never loops.
/// </summary>
internal sealed class DocumentShape
{
    private readonly Dictionary<string, Definition> _fragments = [];
    private readonly List<(GraphQLOperationDefinition Node, Definition Shape)> _operations = [];

    private DocumentShape()
    {
    }

    public int FieldCount { get; private set; }

    public int DirectiveCount { get; private set; }

    public static DocumentShape Measure(GraphQLDocument document)
    {
        var shape = new DocumentShape();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    shape.CountDirectives(operation.Directives);
                    foreach (var variable in operation.Variables?.Items ?? [])
                    {
                        shape.CountDirectives(variable.Directives);
                    }

                    shape._operations.Add((operation, shape.MeasureDefinition(operation.SelectionSet)));
                    break;
                case GraphQLFragmentDefinition fragment:
                    shape.CountDirectives(fragment.Directives);
                    // A duplicate name is another rule's error; the first definition is measured for depth.
                    shape._fragments.TryAdd(fragment.FragmentName.Name.StringValue, shape.MeasureDefinition(fragment.SelectionSet));
                    break;
            }
        }
        return shape;
    }

    /// <summary>
    /// Each operation with its field depth (fragments expanded) and its longest chain of nested fragment spreads.
    /// </summary>
    public IEnumerable<(GraphQLOperationDefinition Operation, Reach Reach)> OperationReaches()
    {
        var resolved = new Dictionary<Definition, Reach>(ReferenceEqualityComparer.Instance);
        foreach (var (node, shape) in _operations)
        {
            yield return (node, Resolve(shape, resolved));
        }
    }

    private Definition MeasureDefinition(GraphQLSelectionSet selectionSet)
    {
        var definition = new Definition();
        MeasureSelections(selectionSet, 0, definition);
        return definition;
    }

    // Recursion here follows the syntax tree only, whose nesting GraphQL.NET's parser already bounds.
    private void MeasureSelections(GraphQLSelectionSet selectionSet, int depth, Definition definition)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    FieldCount++;
                    CountDirectives(field.Directives);
                    definition.LocalDepth = Math.Max(definition.LocalDepth, depth + 1);
                    if (field.SelectionSet is { } children)
                    {
                        MeasureSelections(children, depth + 1, definition);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    CountDirectives(inline.Directives);
                    MeasureSelections(inline.SelectionSet, depth, definition);
                    break;
                case GraphQLFragmentSpread spread:
                    CountDirectives(spread.Directives);
                    definition.Spreads.Add((depth, spread.FragmentName.Name.StringValue));
                    break;
            }
        }
    }

    private void CountDirectives(GraphQLDirectives? directives) => DirectiveCount += directives?.Count ?? 0;

    // Longest paths through the fragment graph with an explicit stack: a long chain of fragments cannot
    // overflow the call stack, and each fragment is resolved once.
    private Reach Resolve(Definition root, Dictionary<Definition, Reach> resolved)
    {
        if (resolved.TryGetValue(root, out var known))
        {
            return known;
        }

        var onPath = new HashSet<Definition>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<Frame>();
        stack.Push(new Frame(root));
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (frame.NextSpread < frame.Shape.Spreads.Count)
            {
                var (offset, name) = frame.Shape.Spreads[frame.NextSpread++];
                if (!_fragments.TryGetValue(name, out var fragment) || onPath.Contains(fragment))
                {
                    frame.Include(offset, default);
                    continue;
                }
                if (resolved.TryGetValue(fragment, out var reach))
                {
                    frame.Include(offset, reach);
                    continue;
                }
                frame.PendingOffset = offset;
                onPath.Add(fragment);
                stack.Push(new Frame(fragment));
                continue;
            }

            stack.Pop();
            onPath.Remove(frame.Shape);
            resolved[frame.Shape] = frame.Reach;
            if (stack.TryPeek(out var parent))
            {
                parent.Include(parent.PendingOffset, frame.Reach);
            }
        }
        return resolved[root];
    }

    /// <summary>How far a definition reaches: field depth and fragment-spread nesting, fragments expanded.</summary>
    internal readonly record struct Reach(int Depth, int FragmentNesting);

    /// <summary>One operation or fragment: its own deepest field and the fragments it spreads, at which depth.</summary>
    private sealed class Definition
    {
        public int LocalDepth { get; set; }

        public List<(int Depth, string Fragment)> Spreads { get; } = [];
    }

    private sealed class Frame(Definition shape)
    {
        public Definition Shape { get; } = shape;

        public Reach Reach { get; private set; } = new(shape.LocalDepth, 0);

        public int NextSpread { get; set; }

        public int PendingOffset { get; set; }

        /// <summary>Accounts for a spread found <paramref name="offset"/> fields deep whose fragment reaches <paramref name="spread"/>.</summary>
        public void Include(int offset, Reach spread) => Reach = new(
            Math.Max(Reach.Depth, offset + spread.Depth),
            Math.Max(Reach.FragmentNesting, 1 + spread.FragmentNesting));
    }
}
