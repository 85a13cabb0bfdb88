using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.Types;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>A list argument (or a list inside an input object argument) with its most entries.</summary>
/// <param name="Argument">The argument's name.</param>
/// <param name="Path">Input field names from the argument's value down to the list; empty when the argument is the list.</param>
/// <param name="Maximum">The most entries allowed.</param>
/// <param name="Setting">The option that sets <paramref name="Maximum"/>, named in the error.</param>
internal sealed record ListLimit(string Argument, IReadOnlyList<string> Path, int Maximum, string Setting)
{
    public string Describe() => string.Join('.', [Argument, .. Path]);
}

/// <summary>What to check on the arguments of one field.</summary>
internal sealed class FieldLimits(string name)
{
    /// <summary><c>Type.field</c>, for messages.</summary>
    public string Name { get; } = name;

    /// <summary>A connection field's <c>where:</c> (filter) argument, measured by <see cref="FilterInputSize"/>.</summary>
    public bool HasFilter { get; set; }

    /// <summary>A connection field's <c>order:</c> list.</summary>
    public bool HasSort { get; set; }

    public List<ListLimit> Lists { get; } = [];
}

/// <summary>
/// Which fields of a schema have limited arguments: connections (<c>where</c>, <c>order</c>, recognised as
/// <see cref="GraphApi.Server.Schema.Connections.ConnectionDecorator"/> recognises them), <c>Query.nodes(ids:)</c> and the declared
/// <see cref="InputLimitsOptions.MaxListLengths"/>. Built once per schema.
/// </summary>
internal sealed class InputLimitPlan
{
    private readonly Dictionary<FieldType, FieldLimits> _fields;

    private InputLimitPlan(Dictionary<FieldType, FieldLimits> fields)
    {
        _fields = fields;
        ArgumentNames = fields.Values
            .SelectMany(f => f.Lists.Select(list => list.Argument)
                .Concat(f.HasFilter ? ["where"] : [])
                .Concat(f.HasSort ? ["order"] : []))
            .ToHashSet(StringComparer.Ordinal);
    }

    public FieldLimits? For(FieldType field) => _fields.GetValueOrDefault(field);

    /// <summary>Every argument name some limit reads: a document passing none of them cannot exceed a limit.</summary>
    public IReadOnlySet<string> ArgumentNames { get; }

    /// <summary>The plan; <paramref name="problems"/> receives every declared list limit the schema does not have.</summary>
    public static InputLimitPlan Build(ISchema schema, InputLimitsOptions options, List<string> problems)
    {
        var fields = new Dictionary<FieldType, FieldLimits>(ReferenceEqualityComparer.Instance);
        FieldLimits LimitsOf(IComplexGraphType parent, FieldType field) =>
            fields.TryGetValue(field, out var known) ? known : fields[field] = new FieldLimits($"{parent.Name}.{field.Name}");

        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>())
        {
            if (type is IInputObjectGraphType || type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                if (field.ResolvedType?.GetNamedType() is IComplexGraphType target
                    && ConnectionShapes.IsConnection(target.Name, target.Fields.Select(f => f.Name).ToArray()))
                {
                    var hasFilter = field.Arguments?.Find("where") is not null;
                    var hasSort = field.Arguments?.Find("order") is not null;
                    if (hasFilter || hasSort)
                    {
                        var limits = LimitsOf(type, field);
                        limits.HasFilter = hasFilter;
                        limits.HasSort = hasSort;
                    }
                }
            }
        }

        if (schema.Query.GetField("nodes") is { } nodes && nodes.Arguments?.Find("ids") is not null)
        {
            LimitsOf(schema.Query, nodes).Lists.Add(new ListLimit("ids", [], options.MaxNodeIds, nameof(InputLimitsOptions.MaxNodeIds)));
        }

        foreach (var (key, maximum) in options.MaxListLengths)
        {
            if (Resolve(schema, key, out var parent, out var field, out var path) is { } problem)
            {
                problems.Add($"{nameof(InputLimitsOptions.MaxListLengths)}[{key}]: {problem}");
                continue;
            }

            LimitsOf(parent!, field!).Lists.Add(
                new ListLimit(path[0], path[1..], maximum, $"{nameof(InputLimitsOptions.MaxListLengths)}[{key}]"));
        }

        return new InputLimitPlan(fields);
    }

    /// <summary>Finds <c>Type.field.argument[.inputField...]</c>; returns why it names no list, or null.</summary>
    private static string? Resolve(
        ISchema schema, string key, out IComplexGraphType? parent, out FieldType? field, out string[] path)
    {
        var segments = key.Split('.');
        parent = null;
        field = null;
        path = segments.Length > 2 ? segments[2..] : [];
        if (segments.Length < 3)
        {
            return "expected Type.field.argument, optionally followed by input field names.";
        }

        parent = schema.AllTypes[segments[0]] as IComplexGraphType;
        if (parent is null or IInputObjectGraphType)
        {
            return $"the schema has no object or interface type '{segments[0]}'.";
        }

        field = parent.GetField(segments[1]);
        if (field is null)
        {
            return $"{segments[0]} has no field '{segments[1]}'.";
        }

        var argument = field.Arguments?.Find(segments[2]);
        if (argument is null)
        {
            return $"{segments[0]}.{segments[1]} has no argument '{segments[2]}'.";
        }

        var current = Unwrap(argument.ResolvedType);
        foreach (var name in segments[3..])
        {
            if (current is not IInputObjectGraphType input || input.GetField(name) is not { } inputField)
            {
                return $"'{name}' is not a field of the input object before it.";
            }

            current = Unwrap(inputField.ResolvedType);
        }

        return current is ListGraphType ? null : "it does not end at a list.";
    }

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
}
