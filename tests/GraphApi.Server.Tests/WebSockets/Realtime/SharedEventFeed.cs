namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>
/// Events of the <c>shared</c> subscription: objects, published as one instance to every subscriber (as a topic bus
/// does), so subscribers with the same result can share its execution. Counts the executions of the event field,
/// and can hold them at a gate.
/// </summary>
internal sealed class SharedEventFeed : IObservable<SharedEventFeed.Event>
{
    private readonly TestFeed<Event> _feed = new();
    private int _executions;

    /// <summary>Executions of the <c>shared</c> field so far (one per event and group when sharing works).</summary>
    public int Executions => Volatile.Read(ref _executions);

    /// <summary>Completed by default; replace it with a pending one to hold executions until it completes.</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    /// <summary>Completes when an execution of the <c>shared</c> field started.</summary>
    public TaskCompletionSource ExecutionStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SubscriberCount => _feed.SubscriberCount;

    public IDisposable Subscribe(IObserver<Event> observer) => _feed.Subscribe(observer);

    public void Publish(int id, string? owner = null) => _feed.Publish(new Event(id, owner));

    public void Fail(Exception error) => _feed.Fail(error);

    public Task WaitForSubscribersAsync(int count) => _feed.WaitForSubscribersAsync(count);

    public async Task OnExecutingAsync()
    {
        Interlocked.Increment(ref _executions);
        ExecutionStarted.TrySetResult();
        await Gate.Task;
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    /// <summary>One event; <paramref name="Owner"/> is the only user who may see its <c>viewer</c>.</summary>
    public sealed record Event(int Id, string? Owner);
}
