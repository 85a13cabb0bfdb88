using GraphQL;

namespace GraphApi.Schema;

/// <summary>
/// Resolves <c>Subscription</c>; each feature folder adds its fields as a part of this partial class
/// (<c>Orders/OrderSubscriptions.cs</c>). A field is a stream method plus an event method.
/// </summary>
[GraphQLMetadata("Subscription")]
internal sealed partial class SubscriptionResolvers;
