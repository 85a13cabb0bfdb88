using GraphQL;
using GraphQL.Resolvers;

namespace GraphApi.Server.Tests.Http.TinyServer;

[GraphQLMetadata("Subscription")]
internal sealed class TinySubscription
{
    [GraphQLMetadata("ticks", ResolverType = ResolverType.StreamResolver)]
    public async IAsyncEnumerable<int> SubscribeTicks()
    {
        for (var tick = 1; tick <= 3; tick++)
        {
            await Task.Yield();
            yield return tick;
        }
    }

    [GraphQLMetadata("ticks")]
    public int Ticks(IResolveFieldContext context) => (int)context.Source!;
}
