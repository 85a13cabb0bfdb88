using GraphApi.Tests.Hosting;
using GraphQLParser;
using GraphQLParser.AST;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Schema;

public sealed class ServedSchemaTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task Sdl_endpoint_serves_the_schema()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/graphql?sdl");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Snapshot.Match(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every type, field, argument and input field of the public contract is served with the same type.</summary>
    [Fact]
    public async Task Served_schema_contains_the_whole_contract()
    {
        var served = Shapes(Parser.Parse(await fixture.Factory.CreateClient().GetStringAsync("/graphql?sdl")));
        var contract = Shapes(Parser.Parse(await File.ReadAllTextAsync(ContractPath())));

        var missing = contract.Where(kv => !served.TryGetValue(kv.Key, out var type) || type != kv.Value)
            .Select(kv => $"{kv.Key}: {kv.Value} (served: {served.GetValueOrDefault(kv.Key) ?? "missing"})")
            .ToList();
        Assert.True(missing.Count == 0, "Contract drift:\n" + string.Join("\n", missing));
        Assert.True(contract.Count > 300, $"The contract parsed to only {contract.Count} members; the comparison would prove little.");
    }

    private static string ContractPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "contract", "schema.graphql");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("../shared/contract/schema.graphql was not found above the test binaries.");
    }

    /// <summary>Flattens a document to "Type.field(arg)" → type text, plus enum values, union members and directives.</summary>
    private static Dictionary<string, string> Shapes(GraphQLDocument document)
    {
        var shapes = new Dictionary<string, string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    shapes[o.Name.StringValue] = "type implements " + string.Join(",", (o.Interfaces?.Items.Select(i => i.Name.StringValue) ?? []).Order());
                    AddFields(shapes, o.Name.StringValue, o.Fields);
                    AddDirectives(shapes, o.Name.StringValue, o.Directives);
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    shapes[i.Name.StringValue] = "interface";
                    AddFields(shapes, i.Name.StringValue, i.Fields);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    shapes[input.Name.StringValue] = "input";
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        shapes[$"{input.Name.StringValue}.{field.Name.StringValue}"] = Print(field.Type);
                    }

                    break;
                case GraphQLEnumTypeDefinition e:
                    shapes[e.Name.StringValue] = "enum " + string.Join(",", e.Values?.Items.Select(v => v.Name.StringValue) ?? []);
                    break;
                case GraphQLUnionTypeDefinition u:
                    shapes[u.Name.StringValue] = "union " + string.Join(",", (u.Types?.Items.Select(t => t.Name.StringValue) ?? []).Order());
                    break;
                case GraphQLScalarTypeDefinition s:
                    shapes[s.Name.StringValue] = "scalar";
                    break;
                case GraphQLDirectiveDefinition d:
                    shapes["@" + d.Name.StringValue] = (d.Repeatable ? "repeatable " : "") + string.Join("|", d.Locations.Items.Select(l => l.ToString()).Order())
                        + "(" + string.Join(",", d.Arguments?.Items.Select(a => $"{a.Name.StringValue}:{Print(a.Type)}") ?? []) + ")";
                    break;
            }
        }

        return shapes;
    }

    private static void AddFields(Dictionary<string, string> shapes, string owner, GraphQLFieldsDefinition? fields)
    {
        foreach (var field in fields?.Items ?? [])
        {
            var key = $"{owner}.{field.Name.StringValue}";
            shapes[key] = Print(field.Type);
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                shapes[$"{key}({argument.Name.StringValue})"] = Print(argument.Type);
            }

            AddDirectives(shapes, key, field.Directives);
        }
    }

    private static void AddDirectives(Dictionary<string, string> shapes, string owner, GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            shapes[$"{owner} @{directive.Name.StringValue}"] = string.Join(",",
                directive.Arguments?.Items.Select(a => $"{a.Name.StringValue}:{PrintValue(a.Value)}") ?? []);
        }
    }

    private static string PrintValue(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => $"\"{s.Value}\"",
        GraphQLListValue l => "[" + string.Join(",", l.Values?.Select(PrintValue) ?? []) + "]",
        _ => value.Kind.ToString(),
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => Print(n.Type) + "!",
        GraphQLListType l => "[" + Print(l.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.ToString() ?? "",
    };
}
