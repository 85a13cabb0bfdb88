namespace GraphApi.Cli;

/// <summary>A named type: <paramref name="Kind"/> is type, interface, input, enum, union or scalar.</summary>
/// <param name="Members">Implemented interfaces (type, interface), values (enum) or member types (union).</param>
internal sealed record SurfaceType(string Name, string Kind, IReadOnlyDictionary<string, SurfaceField> Fields, IReadOnlySet<string> Members)
{
    public IEnumerable<string> Describe()
    {
        yield return $"{Kind} {Name}";
        foreach (var member in Members)
        {
            yield return $"{Kind} {Name} : {member}";
        }

        foreach (var (fieldName, field) in Fields)
        {
            yield return $"{Name}.{fieldName}: {field.Type}";
            foreach (var (argumentName, argument) in field.Arguments)
            {
                yield return $"{Name}.{fieldName}({argumentName}): {argument.Type}";
            }
        }
    }
}
