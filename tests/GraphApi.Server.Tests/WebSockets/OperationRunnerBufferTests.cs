using GraphApi.Server.Execution;
using GraphApi.Server.Streaming;
using GraphApi.Server.WebSockets;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>
/// Between a subscription's events and its sink: an idle sink takes an event at once, a stalled client keeps only the
/// newest events, and a failing sink ends the operation.
/// </summary>
public sealed class OperationRunnerBufferTests
{
    [Fact]
    public async Task A_stalled_client_gets_the_event_in_flight_then_only_the_newest_buffered_events()
    {
        const int capacity = 4;
        var stream = new ResultStream();
        using var services = new ServiceCollection().BuildServiceProvider();
        var runner = new GraphQLOperationRunner(new StreamingExecutor(stream), services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GraphQLOperationRunner>.Instance);
        var sink = new StalledSink();

        var run = runner.RunAsync(new GraphQLRequest { Query = "subscription { x }" }, new(), capacity, sink, CancellationToken.None);
        await stream.Subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stream.Publish(1);
        await sink.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var n = 2; n <= 100; n++)
        {
            stream.Publish(n);
        }

        stream.Complete();
        sink.Release.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 97, 98, 99, 100], sink.Received);
        Assert.True(sink.Completed);
        Assert.True(stream.Unsubscribed);
    }

    [Fact]
    public async Task An_event_that_finds_the_sink_idle_is_handed_over_before_the_source_call_returns()
    {
        var stream = new ResultStream();
        var sink = new StalledSink();
        sink.Release.SetResult();
        var run = Run(stream, sink, capacity: 4);
        await stream.Subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        stream.Publish(1);
        var seenAtOnce = sink.Received.ToArray();
        stream.Publish(2);
        stream.Complete();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1], seenAtOnce);
        Assert.Equal([1, 2], sink.Received);
        Assert.True(sink.Completed);
    }

    [Fact]
    public async Task A_sink_that_fails_ends_the_operation_with_its_error_and_unsubscribes()
    {
        var stream = new ResultStream();
        var sink = new StalledSink();
        var run = Run(stream, sink, capacity: 4);
        await stream.Subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        stream.Publish(1);
        await sink.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stream.Publish(2);
        sink.Release.SetException(new IOException("the client is gone"));

        var error = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("the client is gone", error.Message);
        Assert.Equal([1], sink.Received);
        Assert.False(sink.Completed);
        Assert.True(stream.Unsubscribed);
    }

    private static Task Run(ResultStream stream, StalledSink sink, int capacity)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var runner = new GraphQLOperationRunner(new StreamingExecutor(stream), services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GraphQLOperationRunner>.Instance);
        return runner.RunAsync(new GraphQLRequest { Query = "subscription { x }" }, new(), capacity, sink, CancellationToken.None);
    }

    private sealed class StreamingExecutor(ResultStream stream) : IGraphQLExecutor
    {
        public Task<ExecutionResult> ExecuteAsync(GraphQLExecutionRequest request, CancellationToken ct) =>
            Task.FromResult(new ExecutionResult { Executed = true, Streams = new Dictionary<string, IObservable<ExecutionResult>> { ["x"] = stream } });
    }

    private sealed class ResultStream : IObservable<ExecutionResult>
    {
        private IObserver<ExecutionResult>? _observer;

        public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Unsubscribed { get; private set; }

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            _observer = observer;
            Subscribed.SetResult();
            return new Unsubscriber(this);
        }

        public void Publish(int n) => _observer!.OnNext(new ExecutionResult { Data = n });

        public void Complete() => _observer!.OnCompleted();

        private sealed class Unsubscriber(ResultStream stream) : IDisposable
        {
            public void Dispose() => stream.Unsubscribed = true;
        }
    }

    private sealed class StalledSink : IOperationSink
    {
        public List<int> Received { get; } = [];

        public bool Completed { get; private set; }

        public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask NextAsync(ExecutionResult result, CancellationToken ct)
        {
            Received.Add((int)result.Data!);
            FirstArrived.TrySetResult();
            await Release.Task;
        }

        public ValueTask ErrorAsync(IReadOnlyList<ExecutionError> errors, CancellationToken ct) =>
            throw new InvalidOperationException("No error expected.");

        public ValueTask CompleteAsync(CancellationToken ct)
        {
            Completed = true;
            return ValueTask.CompletedTask;
        }
    }
}
