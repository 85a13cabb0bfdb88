using System.Runtime.CompilerServices;
using GraphApi.Server.PubSub;
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
    /// <summary>The bus topic the <c>topic</c> field listens to.</summary>
    public const string TopicName = "realtime-topic";

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

    /// <summary>Messages of the registered topic bus, held as the app holds them: the subscription is disposed when enumeration ends.</summary>
    [GraphQLMetadata("topic", ResolverType = ResolverType.StreamResolver)]
    public async Task<IAsyncEnumerable<int>> SubscribeTopic(IResolveFieldContext context, [FromServices] ITopicEventReceiver bus) =>
        Owned(await bus.SubscribeAsync<int>(TopicName, context.CancellationToken));

    [GraphQLMetadata("topic")]
    public int Topic(IResolveFieldContext context) => (int)context.Source!;

    /// <summary>
    /// Events whose result depends on the document (<c>tag</c>), the event and the user (<c>viewer</c>: the user's
    /// name, on events the user owns or that have no owner; else null).
    /// </summary>
    [GraphQLMetadata("shared", ResolverType = ResolverType.StreamResolver)]
    public IObservable<SharedEventFeed.Event> SubscribeShared([FromServices] SharedEventFeed feed) => feed;

    [GraphQLMetadata("shared")]
    public async Task<SharedEventResult> Shared(IResolveFieldContext context, string? tag, [FromServices] SharedEventFeed feed)
    {
        await feed.OnExecutingAsync();
        var source = (SharedEventFeed.Event)context.Source!;
        var name = context.User?.Identity?.Name;
        return new SharedEventResult(source.Id, tag, source.Owner is null || source.Owner == name ? name : null);
    }

    private static async IAsyncEnumerable<T> Owned<T>(ITopicSubscription<T> subscription, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using (subscription)
        {
            await foreach (var message in subscription.WithCancellation(ct))
            {
                yield return message;
            }
        }
    }
}

internal sealed record SharedEventResult(int Id, string? Tag, string? Viewer);
