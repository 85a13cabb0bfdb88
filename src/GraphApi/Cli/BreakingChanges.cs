namespace GraphApi.Cli;

/// <summary>
/// Lists the changes from a baseline schema that can break an existing client: removed types, fields, enum values,
/// union members, interfaces and arguments; a type of another kind; a field, argument or input field whose type
/// changed incompatibly; a new required argument or input field. Additions are never breaking.
/// </summary>
internal static class BreakingChanges
{
    public static IReadOnlyList<string> Find(SchemaSurface baseline, SchemaSurface current)
    {
        var changes = new List<string>();
        foreach (var (name, old) in baseline.Types)
        {
            if (!current.Types.TryGetValue(name, out var now))
            {
                changes.Add($"{old.Kind} {name} was removed.");
            }
            else if (old.Kind != now.Kind)
            {
                changes.Add($"{name} changed from {old.Kind} to {now.Kind}.");
            }
            else
            {
                CompareType(old, now, changes);
            }
        }

        return changes;
    }

    private static void CompareType(SurfaceType old, SurfaceType now, List<string> changes)
    {
        var memberKind = old.Kind switch { "enum" => "value", "union" => "member", _ => "interface" };
        changes.AddRange(old.Members.Where(member => !now.Members.Contains(member))
            .Select(member => $"{old.Kind} {old.Name} lost {memberKind} {member}."));

        var isInput = old.Kind == "input";
        foreach (var (fieldName, oldField) in old.Fields)
        {
            var path = $"{old.Name}.{fieldName}";
            if (!now.Fields.TryGetValue(fieldName, out var newField))
            {
                changes.Add($"{path} was removed.");
                continue;
            }

            var compatible = isInput ? AcceptsAtLeast(newField.Type, oldField.Type) : ReturnsAtMost(newField.Type, oldField.Type);
            if (!compatible)
            {
                changes.Add($"{path} changed type from {oldField.Type} to {newField.Type}.");
            }

            CompareArguments(path, oldField, newField, changes);
        }

        if (isInput)
        {
            changes.AddRange(now.Fields.Where(field => field.Value.IsRequired && !old.Fields.ContainsKey(field.Key))
                .Select(field => $"{old.Name}.{field.Key} is a new required input field ({field.Value.Type})."));
        }
    }

    private static void CompareArguments(string path, SurfaceField oldField, SurfaceField newField, List<string> changes)
    {
        foreach (var (argumentName, oldArgument) in oldField.Arguments)
        {
            if (!newField.Arguments.TryGetValue(argumentName, out var newArgument))
            {
                changes.Add($"{path}({argumentName}) was removed.");
            }
            else if (!AcceptsAtLeast(newArgument.Type, oldArgument.Type))
            {
                changes.Add($"{path}({argumentName}) changed type from {oldArgument.Type} to {newArgument.Type}.");
            }
        }

        changes.AddRange(newField.Arguments.Where(argument => argument.Value.IsRequired && !oldField.Arguments.ContainsKey(argument.Key))
            .Select(argument => $"{path}({argument.Key}) is a new required argument ({argument.Value.Type})."));
    }

    /// <summary>An output type may only get stricter: <c>String</c> → <c>String!</c> is safe, the reverse is not.</summary>
    private static bool ReturnsAtMost(string now, string old)
    {
        if (old.EndsWith('!'))
        {
            return now.EndsWith('!') && ReturnsAtMost(now[..^1], old[..^1]);
        }

        if (now.EndsWith('!'))
        {
            return ReturnsAtMost(now[..^1], old);
        }

        return IsList(now) && IsList(old) ? ReturnsAtMost(now[1..^1], old[1..^1]) : now == old;
    }

    /// <summary>An input type may only get looser: <c>ID!</c> → <c>ID</c> is safe, the reverse is not.</summary>
    private static bool AcceptsAtLeast(string now, string old) => ReturnsAtMost(old, now);

    private static bool IsList(string type) => type.StartsWith('[') && type.EndsWith(']');
}
