using GraphQLParser;
using GraphQLParser.AST;

namespace GraphApi.Tests.Authorization;

/// <summary>
/// Every <c>@authorize</c> applied in the served SDL (schema/*.graphql), written as
/// <c>Type @authorize(policy: "P")</c> or <c>Type.field @authorize(roles: ["ADMIN"])</c>, so a new rule, a
/// removed one or a changed argument all show up as a difference.
/// </summary>
internal static class SdlAuthorizeRules
{
    /// <summary>The rules of every <c>*.graphql</c> file in <paramref name="schemaDirectory"/>.</summary>
    public static IReadOnlySet<string> Read(string schemaDirectory)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(schemaDirectory, "*.graphql"))
        {
            rules.UnionWith(Parse(File.ReadAllText(file)));
        }

        return rules;
    }

    /// <summary>The rules of one SDL document.</summary>
    public static IReadOnlySet<string> Parse(string sdl)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var document = Parser.Parse(sdl);
        foreach (var definition in document.Definitions)
        {
            var (typeName, directives, fields) = definition switch
            {
                GraphQLObjectTypeDefinition o => (o.Name.StringValue, o.Directives, o.Fields),
                GraphQLObjectTypeExtension x => (x.Name.StringValue, x.Directives, x.Fields),
                GraphQLInterfaceTypeDefinition i => (i.Name.StringValue, i.Directives, i.Fields),
                _ => (null, null, null),
            };
            if (typeName is null)
            {
                continue;
            }

            Add(rules, typeName, directives);
            foreach (var field in fields?.Items ?? [])
            {
                Add(rules, $"{typeName}.{field.Name.StringValue}", field.Directives);
            }
        }

        return rules;
    }

    private static void Add(HashSet<string> rules, string coordinate, GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            if (directive.Name.StringValue == "authorize")
            {
                rules.Add(coordinate + " @authorize" + Arguments(directive));
            }
        }
    }

    private static string Arguments(GraphQLDirective directive)
    {
        var arguments = directive.Arguments?.Items ?? [];
        return arguments.Count == 0
            ? ""
            : "(" + string.Join(", ", arguments.Select(a => $"{a.Name.StringValue}: {Value(a.Value)}")) + ")";
    }

    private static string Value(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => $"\"{s.Value}\"",
        GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(Value)) + "]",
        _ => value.GetType().Name,
    };
}
