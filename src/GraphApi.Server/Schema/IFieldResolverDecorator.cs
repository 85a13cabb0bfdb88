using GraphQL.Resolvers;
using GraphQL.Types;

namespace GraphApi.Server.Schema;

/// <summary>
/// Wraps field resolvers once, after the schema is initialised, so cross-cutting behaviour (authorization,
/// connections) costs nothing on fields that do not need it — unlike schema-wide field middleware. Register
/// implementations as singletons in DI; the schema applies every registered one, in ascending <see cref="Order"/>.
/// </summary>
internal interface IFieldResolverDecorator
{
    /// <summary>
    /// Where this decorator sits in the chain: decorators apply in ascending order, so a higher order wraps the
    /// lower ones and runs first. Registration order does not matter. Values: <see cref="FieldResolverDecoratorOrder"/>.
    /// </summary>
    int Order { get; }

    /// <summary>Returns a wrapping resolver, or null to leave the field as it is.</summary>
    IFieldResolver? Decorate(ISchema schema, IComplexGraphType parent, FieldType field, IFieldResolver inner);

    /// <summary>
    /// Returns a wrapping stream resolver for a subscription field (it has <see cref="FieldType.StreamResolver"/>),
    /// or null to leave it as it is. Default: null.
    /// </summary>
    ISourceStreamResolver? DecorateStream(FieldType field) => null;
}
