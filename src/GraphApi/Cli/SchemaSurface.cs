using GraphQLParser;
using GraphQLParser.AST;

namespace GraphApi.Cli;

/// <summary>What a client can depend on in a schema: its types and their fields, arguments and values.</summary>
internal sealed class SchemaSurface
{
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    private static readonly IReadOnlyDictionary<string, SurfaceField> NoFields = new Dictionary<string, SurfaceField>();
    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    private SchemaSurface(IReadOnlyDictionary<string, SurfaceType> types) => Types = types;

    /// <summary>Named types by name; the built-in scalars are left out (every schema has them).</summary>
    public IReadOnlyDictionary<string, SurfaceType> Types { get; }

    public static SchemaSurface Parse(string sdl)
    {
        var types = new Dictionary<string, SurfaceType>(StringComparer.Ordinal);
        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            var type = definition switch
            {
                GraphQLObjectTypeDefinition o => new SurfaceType(o.Name.StringValue, "type",
                    Fields(o.Fields), Names(o.Interfaces?.Items.Select(i => i.Name))),
                GraphQLInterfaceTypeDefinition i => new SurfaceType(i.Name.StringValue, "interface",
                    Fields(i.Fields), Names(i.Interfaces?.Items.Select(n => n.Name))),
                GraphQLInputObjectTypeDefinition input => new SurfaceType(input.Name.StringValue, "input",
                    InputFields(input.Fields), NoNames),
                GraphQLEnumTypeDefinition e => new SurfaceType(e.Name.StringValue, "enum",
                    NoFields, Names(e.Values?.Items.Select(v => v.Name))),
                GraphQLUnionTypeDefinition u => new SurfaceType(u.Name.StringValue, "union",
                    NoFields, Names(u.Types?.Items.Select(t => t.Name))),
                GraphQLScalarTypeDefinition s when !BuiltInScalars.Contains(s.Name.StringValue) =>
                    new SurfaceType(s.Name.StringValue, "scalar", NoFields, NoNames),
                _ => null,
            };
            if (type is not null)
            {
                types[type.Name] = type;
            }
        }

        return new SchemaSurface(types);
    }

    /// <summary>One line per member (<c>Type.field(arg): Type!</c>, enum values, union members), sorted: equal lists mean equal surfaces.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        .. Types.Values.SelectMany(type => type.Describe()).Order(StringComparer.Ordinal),
    ];

    private static IReadOnlySet<string> Names(IEnumerable<GraphQLName>? names) =>
        (names ?? []).Select(name => name.StringValue).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, SurfaceField> Fields(GraphQLFieldsDefinition? fields) =>
        (fields?.Items ?? []).ToDictionary(
            field => field.Name.StringValue,
            field => new SurfaceField(Print(field.Type), HasDefault: false,
                (field.Arguments?.Items ?? []).ToDictionary(
                    argument => argument.Name.StringValue,
                    argument => new SurfaceField(Print(argument.Type), argument.DefaultValue is not null, NoFields))));

    private static Dictionary<string, SurfaceField> InputFields(GraphQLInputFieldsDefinition? fields) =>
        (fields?.Items ?? []).ToDictionary(
            field => field.Name.StringValue,
            field => new SurfaceField(Print(field.Type), field.DefaultValue is not null, NoFields));

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException($"Unknown type reference {type.Kind}."),
    };
}
