using System.Reflection;
using GraphQL;
using GraphQLParser.AST;

namespace GraphApi.Server.Schema;

/// <summary>
/// The drift check: every SDL field must have a resolver member, a mapped CLR property or a runtime-provided
/// resolver, and every resolver member must name an SDL field. Returns every mismatch, not just the first.
/// </summary>
internal static class SchemaBindingValidator
{
    private static readonly string[] ConnectionFields = ["pageInfo", "edges", "nodes", "totalCount"];
    private static readonly string[] EdgeFields = ["cursor", "node"];
    private static readonly string[] PageInfoFields = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"];

    public static IReadOnlyList<string> Validate(GraphQLDocument document, SchemaFirstOptions options)
    {
        var mismatches = new List<string>();
        var objectTypes = ObjectTypes(document);
        var enums = document.Definitions.OfType<GraphQLEnumTypeDefinition>().ToDictionary(e => e.Name.StringValue);
        var abstractMembers = AbstractMembers(document, objectTypes);

        var resolverMembers = new Dictionary<string, List<(Type Type, string Field)>>();
        foreach (var (resolverType, typeName) in options.ResolverTypes)
        {
            if (!objectTypes.TryGetValue(typeName, out var fields))
            {
                mismatches.Add($"Resolver class {resolverType.Name} is bound to '{typeName}', which the SDL does not define.");
                continue;
            }

            foreach (var field in ResolverFieldNames(resolverType))
            {
                if (!fields.Contains(field, StringComparer.OrdinalIgnoreCase))
                {
                    mismatches.Add($"{resolverType.Name} resolves '{typeName}.{field}', which the SDL does not define.");
                }

                (resolverMembers.TryGetValue(typeName, out var list) ? list : resolverMembers[typeName] = []).Add((resolverType, field));
            }
        }

        foreach (var (typeName, clrType) in options.ObjectTypes)
        {
            if (!objectTypes.ContainsKey(typeName))
            {
                mismatches.Add($"{clrType.Name} is mapped to '{typeName}', which the SDL does not define as an object type.");
            }
        }

        foreach (var (typeName, clrType) in options.EnumTypes)
        {
            if (!enums.TryGetValue(typeName, out var enumDef))
            {
                mismatches.Add($"{clrType.Name} is mapped to enum '{typeName}', which the SDL does not define.");
                continue;
            }

            var sdlValues = enumDef.Values?.Select(v => v.Name.StringValue).ToList() ?? [];
            mismatches.AddRange(sdlValues
                .Where(v => EnumNames.TryToClr(clrType, v) is null)
                .Select(v => $"Enum value {typeName}.{v} has no member in {clrType.Name}."));
            mismatches.AddRange(Enum.GetNames(clrType)
                .Where(m => !sdlValues.Any(v => EnumNames.Normalize(v) == EnumNames.Normalize(m)))
                .Select(m => $"{clrType.Name}.{m} has no value in SDL enum {typeName}."));
        }

        foreach (var (typeName, fields) in objectTypes)
        {
            options.ObjectTypes.TryGetValue(typeName, out var clrType);
            resolverMembers.TryGetValue(typeName, out var resolved);
            var provided = RuntimeProvidedFields(typeName, fields, options);

            if (clrType is null && resolved is null && provided.Count == 0)
            {
                mismatches.Add($"SDL type '{typeName}' has no resolver class and no mapped CLR type.");
                continue;
            }

            if (clrType is null && abstractMembers.Contains(typeName))
            {
                mismatches.Add($"SDL type '{typeName}' implements an interface or joins a union but has no mapped CLR type (MapObject), so it cannot be recognised at run time.");
            }

            foreach (var field in fields)
            {
                var bound = provided.Contains(field)
                    || resolved?.Any(r => string.Equals(r.Field, field, StringComparison.OrdinalIgnoreCase)) == true
                    || clrType?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null;
                if (!bound)
                {
                    var candidates = string.Join(" or ", (resolved?.Select(r => r.Type.Name).Distinct() ?? []).Append(clrType?.Name).OfType<string>());
                    mismatches.Add($"SDL field '{typeName}.{field}' has no resolver method or property on {(candidates.Length > 0 ? candidates : "any bound class")}.");
                }
            }
        }

        return mismatches;
    }

    private static Dictionary<string, List<string>> ObjectTypes(GraphQLDocument document)
    {
        var types = new Dictionary<string, List<string>>();
        foreach (var definition in document.Definitions)
        {
            var (name, fields) = definition switch
            {
                GraphQLObjectTypeDefinition d => (d.Name.StringValue, d.Fields),
                GraphQLObjectTypeExtension e => (e.Name.StringValue, e.Fields),
                _ => (null, null),
            };
            if (name is null)
            {
                continue;
            }

            var list = types.TryGetValue(name, out var existing) ? existing : types[name] = [];
            list.AddRange(fields?.Select(f => f.Name.StringValue) ?? []);
        }

        return types;
    }

    /// <summary>Object types that appear where GraphQL must pick the concrete type of a value.</summary>
    private static HashSet<string> AbstractMembers(GraphQLDocument document, Dictionary<string, List<string>> objectTypes)
    {
        var members = new HashSet<string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition { Interfaces.Items.Count: > 0 } d:
                    members.Add(d.Name.StringValue);
                    break;
                case GraphQLUnionTypeDefinition u:
                    members.UnionWith(u.Types?.Items.Select(t => t.Name.StringValue) ?? []);
                    break;
            }
        }

        members.IntersectWith(objectTypes.Keys);
        return members;
    }

    private static HashSet<string> RuntimeProvidedFields(string typeName, List<string> fields, SchemaFirstOptions options)
    {
        var provided = new HashSet<string>(StringComparer.Ordinal);
        if (options.Nodes.ContainsKey(typeName))
        {
            provided.Add("id");
        }

        if (typeName == "Query" && options.Nodes.Count > 0)
        {
            provided.UnionWith(["node", "nodes"]);
        }

        if (ConnectionShapes.IsConnection(typeName, fields))
        {
            provided.UnionWith(ConnectionFields);
        }
        else if (ConnectionShapes.IsEdge(typeName, fields))
        {
            provided.UnionWith(EdgeFields);
        }
        else if (typeName == "PageInfo")
        {
            provided.UnionWith(PageInfoFields);
        }

        provided.IntersectWith(fields);
        return provided;
    }

    /// <summary>The SDL field names a resolver class answers: its public methods and properties.</summary>
    internal static IEnumerable<string> ResolverFieldNames(Type resolverType) =>
        resolverType
            .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.GetCustomAttribute<GraphQLMetadataAttribute>()?.Name ?? m.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
