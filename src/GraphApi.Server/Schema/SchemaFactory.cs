using Microsoft.Extensions.DependencyInjection;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Server.Schema.Scalars;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser;

namespace GraphApi.Server.Schema;

/// <summary>
/// Builds the executable schema from the SDL files and the application's bindings, once per process.
/// Start-up fails with every mismatch listed when SDL and code drift apart.
/// </summary>
internal static class SchemaFactory
{
    public static ISchema Build(SchemaFirstOptions options, IServiceProvider services)
    {
        var sdl = SchemaFiles.Load(options.SchemaDirectory);
        var mismatches = SchemaBindingValidator.Validate(Parser.Parse(sdl), options);
        if (mismatches.Count > 0)
        {
            throw new SchemaBindingException(mismatches);
        }

        var nodeResolvers = new NodeResolvers(options.Nodes);
        var schema = GraphQL.Types.Schema.For<ContractSchemaBuilder>(sdl, builder =>
        {
            builder.EnumTypes = options.EnumTypes;
            builder.ServiceProvider = services;
            foreach (var (resolverType, typeName) in options.ResolverTypes)
            {
                builder.Types.Include(typeName, resolverType);
            }

            foreach (var (typeName, clrType) in options.ObjectTypes)
            {
                builder.Types.For(typeName).IsTypeOfFunc = value => clrType.IsInstanceOfType(value);
            }

            foreach (var node in options.Nodes.Values)
            {
                builder.Types.For(node.TypeName).FieldFor("id").Resolver = NodeResolvers.Id(node);
            }

            if (options.Nodes.Count > 0)
            {
                builder.Types.For("Query").FieldFor("node").Resolver = nodeResolvers.Node;
                builder.Types.For("Query").FieldFor("nodes").Resolver = nodeResolvers.Nodes;
            }
        });

        schema.RegisterType(new UtcDateTimeGraphType());
        schema.Initialize();

        // One way for every decorator, resolvers and subscription streams alike, in ascending Order: the last applied
        // is outermost (authorization), so its checks run before anything else.
        var decorators = services.GetServices<IFieldResolverDecorator>().OrderBy(d => d.Order).ToArray();
        foreach (var (type, field) in Fields(schema))
        {
            foreach (var decorator in decorators)
            {
                var inner = field.Resolver ?? NameFieldResolver.Instance;
                field.Resolver = decorator.Decorate(schema, type, field, inner) ?? field.Resolver;
                field.StreamResolver = decorator.DecorateStream(field) ?? field.StreamResolver;
            }
        }

        return schema;
    }

    private static IEnumerable<(IComplexGraphType Type, FieldType Field)> Fields(ISchema schema) =>
        from type in schema.AllTypes.OfType<IObjectGraphType>()
        where !type.Name.StartsWith("__", StringComparison.Ordinal)
        from field in type.Fields
        select ((IComplexGraphType)type, field);
}
