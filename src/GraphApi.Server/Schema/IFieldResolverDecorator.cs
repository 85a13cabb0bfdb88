using GraphQL.Resolvers;
using GraphQL.Types;

namespace GraphApi.Server.Schema;

/// <summary>
/// Wraps field resolvers once, after the schema is initialised, so cross-cutting behaviour (authorization,
/// connections) costs nothing on fields that do not need it — unlike schema-wide field middleware.
/// </summary>
internal interface IFieldResolverDecorator
{
    /// <summary>Returns a wrapping resolver, or null to leave the field as it is.</summary>
    IFieldResolver? Decorate(ISchema schema, IComplexGraphType parent, FieldType field, IFieldResolver inner);
}
