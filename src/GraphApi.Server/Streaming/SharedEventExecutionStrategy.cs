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
/// receive the same <see cref="ExecutionResult"/> (which <see cref="SharedResults"/> then serializes once).
/// </summary>
/// <remarks>
/// Sharing is keyed by the event object's identity: a topic bus hands every subscriber the same instance. Value-type
/// events (boxed per subscriber) and subscriptions without a key execute per subscriber, as GraphQL.NET does. A
/// subscriber that finds its group's result ready takes it as it is, without the execution context GraphQL.NET
/// clones per event: at thousands of subscribers that clone was most of what an event allocated. Should the
/// executing subscriber leave (its cancellation fires) while others wait, each of them executes the event itself.
/// </remarks>
internal sealed class SharedEventExecutionStrategy(IServiceScopeFactory scopeFactory, IOptions<SubscriptionFanOutOptions> options)
    : ScopedSubscriptionExecutionStrategy(scopeFactory)
{
    // Per event object: its executions by group. Dropped with the event once no subscriber holds it any more.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<SubscriberGroupKey, SharedExecution>> _executions = new();

    private readonly SubscriberGroupKey.Factory _keys = new(options.Value.Audience);

    protected override async Task<IObservable<ExecutionResult>?> ResolveResponseStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        // The key depends only on what every event's context copies from this one: computed once per subscription.
        if (!options.Value.Enabled || _keys.For(context) is not { } key)
        {
            return await base.ResolveResponseStreamAsync(context, node).ConfigureAwait(false);
        }

        if (await SourceStreamAsync(context, node).ConfigureAwait(false) is not { } source)
        {
            return null;
        }

        // The subscribe call's context is disposed once it returns: events work from a copy of it.
        var preserved = CloneExecutionContext(context, default);
        return new SharedEventStream(
            source,
            (value, token) => NextAsync(preserved, node, key, value, token),
            async (error, token) =>
            {
                using var child = CloneExecutionContext(preserved, token);
                return await ProcessErrorAsync(child, node, error).ConfigureAwait(false);
            });
    }

    /// <summary>Calls the field's stream resolver; its failure becomes an error of <paramref name="context"/>, as GraphQL.NET reports it.</summary>
    private async Task<IObservable<object?>?> SourceStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            var resolver = node.FieldDefinition?.StreamResolver
                ?? throw new InvalidOperationException($"Stream resolver not set for field '{node.Field.Name}'.");
            return await resolver.ResolveAsync(new ReadonlyResolveFieldContext(node, context)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No event stream returned for field '{node.Field.Name}'.");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var error = exception as ExecutionError
                ?? await HandleExceptionAsync(context, node, exception, $"Could not resolve source stream for field '{node.Field.Name}'.").ConfigureAwait(false);
            error.Path = node.ResponsePath;
            error.AddLocation(node.Field, context.Document);
            context.Errors.Add(error);
            return null;
        }
    }

    /// <summary>The result of one event for one subscriber: its group's, when the group has one or is making it.</summary>
    private ValueTask<ExecutionResult> NextAsync(ExecutionContext preserved, ExecutionNode node, SubscriberGroupKey key, object? value, CancellationToken token)
    {
        if (value is null || value.GetType().IsValueType)
        {
            return ExecuteAsync(preserved, node, value, token);
        }

        var executions = _executions.GetValue(value, static _ => new());
        if (executions.TryGetValue(key, out var shared))
        {
            return shared.Result.Task.IsCompletedSuccessfully && !shared.ExecutorLeft
                ? new(shared.Result.Task.Result)
                : AwaitAsync(shared, preserved, node, value, token);
        }

        var candidate = new SharedExecution(token);
        shared = executions.GetOrAdd(key, candidate);
        return ReferenceEquals(shared, candidate)
            ? ExecuteForGroupAsync(candidate, preserved, node, value, token)
            : AwaitAsync(shared, preserved, node, value, token);
    }

    private async ValueTask<ExecutionResult> ExecuteForGroupAsync(
        SharedExecution execution, ExecutionContext preserved, ExecutionNode node, object value, CancellationToken token)
    {
        try
        {
            var result = await ExecuteAsync(preserved, node, value, token).ConfigureAwait(false);
            SharedResults.Register(result);
            execution.Result.SetResult(result);
            return result;
        }
        catch (Exception error)
        {
            execution.Result.SetException(error);
            throw;
        }
    }

    private async ValueTask<ExecutionResult> AwaitAsync(
        SharedExecution shared, ExecutionContext preserved, ExecutionNode node, object value, CancellationToken token)
    {
        try
        {
            var result = await shared.Result.Task.ConfigureAwait(false);
            if (!shared.ExecutorLeft)
            {
                return result;
            }
        }
        catch (Exception) when (!token.IsCancellationRequested)
        {
            // The executing subscriber's failure is not necessarily ours: execute for ourselves below.
        }

        return await ExecuteAsync(preserved, node, value, token).ConfigureAwait(false);
    }

    /// <summary>One execution of the event, in a copy of the subscription's context and a scope of its own.</summary>
    private async ValueTask<ExecutionResult> ExecuteAsync(ExecutionContext preserved, ExecutionNode node, object? value, CancellationToken token)
    {
        using var child = CloneExecutionContext(preserved, token);
        return await ProcessDataAsync(child, node, value).ConfigureAwait(false);
    }

    private sealed class SharedExecution(CancellationToken executor)
    {
        // Waiting subscribers continue on the executing one's thread, through their relay up to their sink: no
        // thread-pool hop per subscriber, and the executing subscriber holds no lock when it completes this.
        public TaskCompletionSource<ExecutionResult> Result { get; } = new();

        /// <summary>The executing subscriber stopped: its result may be cut short and is not shared.</summary>
        public bool ExecutorLeft => executor.IsCancellationRequested;
    }
}
