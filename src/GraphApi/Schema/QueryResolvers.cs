using GraphApi.Data;
using GraphQL;

namespace GraphApi.Schema;

/// <summary>
/// Resolves <c>Query</c>. One SDL type binds one resolver class, so each feature folder adds its root fields
/// as a part of this partial class (<c>Users/UserQueries.cs</c>, <c>Products/ProductQueries.cs</c>, ...).
/// <c>node</c> and <c>nodes</c> come from the runtime.
/// </summary>
[GraphQLMetadata("Query")]
internal sealed partial class QueryResolvers(AppDbContext db);
