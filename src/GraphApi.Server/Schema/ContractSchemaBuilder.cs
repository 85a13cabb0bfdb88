using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace GraphApi.Server.Schema;

/// <summary>
/// GraphQL.NET's schema builder, with SDL enums bound to CLR enums by name ignoring case and underscores.
/// (The built-in binding is <c>Enum.Parse</c>, which cannot map <c>STATUS_CHANGED</c> to <c>StatusChanged</c>.)
/// </summary>
internal sealed class ContractSchemaBuilder : SchemaBuilder
{
    public IReadOnlyDictionary<string, Type> EnumTypes { get; set; } = new Dictionary<string, Type>();

    protected override EnumerationGraphType ToEnumerationType(GraphQLEnumTypeDefinition enumDef)
    {
        var built = base.ToEnumerationType(enumDef);
        if (!EnumTypes.TryGetValue(built.Name, out var clrType))
        {
            return built;
        }

        var mapped = new EnumerationGraphType { Name = built.Name, Description = built.Description };
        foreach (var value in built.Values)
        {
            mapped.Add(new EnumValueDefinition(value.Name, EnumNames.ToClr(clrType, value.Name))
            {
                Description = value.Description,
                DeprecationReason = value.DeprecationReason,
            });
        }

        return mapped;
    }
}
