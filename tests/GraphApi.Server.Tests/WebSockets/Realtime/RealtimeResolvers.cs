using GraphQL;
using GraphQL.Resolvers;

namespace GraphApi.Server.Tests.WebSockets.Realtime;

[GraphQLMetadata("Query")]
internal sealed class RealtimeQuery
{
    public string Hello() => "world";

    public string? Whoami(IResolveFieldContext context) => context.User?.Identity?.Name;
}

[GraphQLMetadata("Mutation")]
internal sealed class RealtimeMutation
{
    public string Echo(string text) => text;
}

[GraphQLMetadata("Subscription")]
internal sealed class RealtimeSubscription
{
    [GraphQLMetadata("events", ResolverType = ResolverType.StreamResolver)]
    public IObservable<int> SubscribeEvents([FromServices] TestEventFeed feed) => feed;

    [GraphQLMetadata("events")]
    public int Events(IResolveFieldContext context) => (int)context.Source!;

    [GraphQLMetadata("eventScope", ResolverType = ResolverType.StreamResolver)]
    public IObservable<int> SubscribeEventScope([FromServices] TestEventFeed feed) => feed;

    [GraphQLMetadata("eventScope")]
    public string EventScope([FromServices] ScopeMarker marker) => marker.Id;

    [GraphQLMetadata("countdown", ResolverType = ResolverType.StreamResolver)]
    public async IAsyncEnumerable<int> SubscribeCountdown(int from)
    {
        for (var value = from; value >= 1; value--)
        {
            await Task.Delay(10);
            yield return value;
        }
    }

    [GraphQLMetadata("countdown")]
    public int Countdown(IResolveFieldContext context) => (int)context.Source!;

    /// <summary>One string of <paramref name="size"/> characters per feed event: big messages for a stalled reader.</summary>
    [GraphQLMetadata("bulk", ResolverType = ResolverType.StreamResolver)]
    public IObservable<int> SubscribeBulk(int size, [FromServices] TestEventFeed feed) => feed;

    [GraphQLMetadata("bulk")]
    public string Bulk(int size) => new('x', size);
}
