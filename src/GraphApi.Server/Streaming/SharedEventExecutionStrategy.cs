using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GraphApi.Server.Streaming;

/// <summary>
/// A scope per subscription event (as <see cref="ScopedSubscriptionExecutionStrategy"/>), and one execution per event
/// and <see cref="SubscriberGroupKey"/>: the first subscriber of a group to take an event executes it, the others
/// await the same <see cref="ExecutionResult"/> (which <see cref="SharedResults"/> then serializes once).
/// </summary>
/// <remarks>
/// Sharing is keyed by the event object's identity: a topic bus hands every subscriber the same instance. Value-type
/// events (boxed per subscriber) and subscriptions without a key execute per subscriber, as before. Should the
/// executing subscriber leave (its cancellation fires) while others wait, each of them executes the event itself.
/// </remarks>
internal sealed class SharedEventExecutionStrategy(IServiceScopeFactory scopeFactory, IOptions<SubscriptionFanOutOptions> options)
    : ScopedSubscriptionExecutionStrategy(scopeFactory)
{
    // Per event object: its executions by group. Dropped with the event once no subscriber holds it any more.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<SubscriberGroupKey, SharedExecution>> _executions = new();

    private readonly SubscriberGroupKey.Factory _keys = new(options.Value.Audience);

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (!options.Value.Enabled || value is null || value.GetType().IsValueType || _keys.For(context) is not { } key)
        {
            return await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
        }

        var executions = _executions.GetValue(value, static _ => new());
        SharedExecution? candidate = null;
        if (!executions.TryGetValue(key, out var shared))
        {
            candidate = new SharedExecution(context.CancellationToken);
            shared = executions.GetOrAdd(key, candidate);
        }

        if (ReferenceEquals(shared, candidate))
        {
            try
            {
                var result = await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
                SharedResults.Register(result);
                candidate!.Result.SetResult(result);
                return result;
            }
            catch (Exception error)
            {
                candidate!.Result.SetException(error);
                throw;
            }
        }

        try
        {
            var result = await shared.Result.Task.ConfigureAwait(false);
            if (!shared.ExecutorLeft)
            {
                return result;
            }
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            // The executing subscriber's failure is not necessarily ours: execute for ourselves below.
        }

        return await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
    }

    private sealed class SharedExecution(CancellationToken executor)
    {
        // Waiting subscribers continue on the executing one's thread, up to their own event buffer: one thread-pool hop
        // fewer per subscriber, and the executing subscriber holds no lock when it completes this.
        public TaskCompletionSource<ExecutionResult> Result { get; } = new();

        /// <summary>The executing subscriber stopped: its result may be cut short and is not shared.</summary>
        public bool ExecutorLeft => executor.IsCancellationRequested;
    }
}
