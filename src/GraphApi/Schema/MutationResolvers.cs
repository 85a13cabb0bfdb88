using GraphQL;

namespace GraphApi.Schema;

/// <summary>
/// Resolves <c>Mutation</c>. One SDL type binds one resolver class, so each feature folder adds its mutations as a
/// part of this partial class (<c>Users/UserMutations.cs</c>, <c>Products/ProductMutations.cs</c>, ...).
/// </summary>
[GraphQLMetadata("Mutation")]
internal sealed partial class MutationResolvers;
