using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using GraphApi.Server.Execution;
using GraphApi.Server.Streaming;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// What both subprotocols share: the receive loop, the init timeout, authentication with expiry, keep-alive and
/// the running operations of one socket. A subclass is the protocol's state machine.
/// </summary>
internal abstract class WebSocketSession(
    WebSocketConnection connection,
    HttpContext upgradeRequest,
    WebSocketSessionServices services)
{
    /// <summary>The init timeout passed without <c>connection_init</c> (graphql-transport-ws; reused by the legacy protocol).</summary>
    public const int InitTimeoutCloseCode = 4408;

    /// <summary>Authentication rejected or expired.</summary>
    public const int ForbiddenCloseCode = 4403;

    // Sized for the usual one or two operations of a socket (defaults hold 31 buckets each): idle sockets are many.
    private readonly ConcurrentDictionary<string, RunningOperation> _operations = new(concurrencyLevel: 1, capacity: 2, StringComparer.Ordinal);

    // Operations whose id is free again (stopped, or sending their last message) but that have not finished yet.
    private readonly ConcurrentDictionary<RunningOperation, byte> _detached = new(concurrencyLevel: 1, capacity: 2);
    private readonly CancellationTokenSource _sessionEnded = new();

    // Cancelled by connection_init or the session's end: the init timeout is not needed any more.
    private readonly CancellationTokenSource _initWait = new();
    private readonly List<Task> _background = [];
    private int _initReceived;
    private int _inFlight;

    protected WebSocketConnection Connection => connection;

    protected GraphQLWebSocketOptions Options => services.Options;

    protected IGraphQLTextSerializer Serializer => services.Serializer;

    protected CancellationToken SessionEnded => _sessionEnded.Token;

    /// <summary>Null until the connection is acknowledged; then the principal operations run as.</summary>
    protected ClaimsPrincipal? User { get; private set; }

    public async Task RunAsync()
    {
        _background.Add(CloseWhenInitTimesOutAsync());
        try
        {
            // The session ends when this loop does, so only the connection's closing can (and must) stop a receive.
            while (await connection.ReceiveAsync().ConfigureAwait(false) is { } text)
            {
                if (ClientMessage.Parse(text, out var invalidReason) is { } message)
                {
                    await HandleAsync(message).ConfigureAwait(false);
                }
                else
                {
                    await OnInvalidMessageAsync(invalidReason!).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await _sessionEnded.CancelAsync().ConfigureAwait(false);
            await _initWait.CancelAsync().ConfigureAwait(false);
            var running = _operations.Values.Concat(_detached.Keys).Select(o => o.Completion).Concat(_background).ToArray();
            await Task.WhenAll(running.Select(SwallowCancellationAsync)).ConfigureAwait(false);
            _sessionEnded.Dispose();
            _initWait.Dispose();
        }
    }

    /// <summary>Handles one well-formed message (its type may still be unknown).</summary>
    protected abstract Task HandleAsync(ClientMessage message);

    /// <summary>A message that is not JSON or has no string type/id.</summary>
    protected abstract Task OnInvalidMessageAsync(string reason);

    /// <summary>Frames an operation's outcome for operation <paramref name="id"/>.</summary>
    protected abstract IOperationSink CreateSink(string id);

    /// <summary>The server keep-alive message, sent every <see cref="GraphQLWebSocketOptions.KeepAliveInterval"/> after the ack.</summary>
    protected abstract OperationMessage KeepAliveMessage { get; }

    /// <summary>True for the first <c>connection_init</c> only.</summary>
    protected bool MarkInitReceived()
    {
        if (Interlocked.Exchange(ref _initReceived, 1) != 0)
        {
            return false;
        }

        _initWait.Cancel(); // releases the init timer now rather than when it runs out
        return true;
    }

    /// <summary>Queues a message for the connection's writer; waits while the outbound queue is full.</summary>
    protected Task SendAsync(string type, string? id = null, object? payload = null) =>
        SendAsync(type, id, payload, SessionEnded);

    /// <summary>Queues a message of an operation, whose <paramref name="cancellationToken"/> stops the wait for room in the queue.</summary>
    protected Task SendAsync(string type, string? id, object? payload, CancellationToken cancellationToken) =>
        connection.EnqueueAsync(new OperationMessage { Type = type, Id = id, Payload = payload }, cancellationToken);

    protected Task CloseAsync(int code, string reason) => connection.CloseAsync(code, reason);

    /// <summary>Runs the authenticator; <see langword="null"/> payload when the client sent none.</summary>
    protected async Task<WebSocketAuthentication> AuthenticateAsync(JsonElement? payload)
    {
        var initPayload = payload is { ValueKind: JsonValueKind.Object } element ? Serializer.ReadNode<Inputs>(element) : null;
        return await services.Authenticator.AuthenticateAsync(upgradeRequest, initPayload, SessionEnded).ConfigureAwait(false);
    }

    /// <summary>Marks the connection acknowledged, then starts keep-alive and, for credentials that expire, the expiry watch.</summary>
    protected void Acknowledge(WebSocketAuthentication authentication)
    {
        User = authentication.User;
        if (Options.KeepAliveInterval > TimeSpan.Zero)
        {
            _background.Add(KeepAliveAsync());
        }

        if (authentication.ExpiresAt is { } expiresAt)
        {
            _background.Add(CloseWhenExpiredAsync(expiresAt));
        }
    }

    /// <summary>
    /// Starts operation <paramref name="id"/> unless one with that id is already running or the connection already
    /// has <see cref="GraphQLWebSocketOptions.MaxOperationsPerConnection"/> operations in flight.
    /// </summary>
    protected StartOutcome TryStart(string id, GraphQLRequest request)
    {
        if (_operations.ContainsKey(id))
        {
            return StartOutcome.IdInUse;
        }

        // Detached operations still count: they hold a scope and may still be sending.
        if (Interlocked.Increment(ref _inFlight) > Options.MaxOperationsPerConnection)
        {
            Interlocked.Decrement(ref _inFlight);
            return StartOutcome.TooManyOperations;
        }

        // Once the server closes (e.g. 1008 for a stalled reader) nothing can be sent: operations stop at once.
        var operation = new RunningOperation(CancellationTokenSource.CreateLinkedTokenSource(SessionEnded, connection.CloseRequested));
        if (!_operations.TryAdd(id, operation))
        {
            Interlocked.Decrement(ref _inFlight);
            operation.Cancellation.Dispose();
            return StartOutcome.IdInUse;
        }

        operation.Completion = RunOperationAsync(id, request, operation);
        return StartOutcome.Started;
    }

    /// <summary>Answers operation <paramref name="id"/> with MAX_OPERATIONS_EXCEEDED; the socket stays open.</summary>
    protected async Task RefuseTooManyOperationsAsync(string id)
    {
        var error = new ExecutionError(
            $"This connection already has {Options.MaxOperationsPerConnection} operations in flight; complete one before starting another.")
        {
            Code = ErrorCodes.MaxOperationsExceeded,
        };
        await CreateSink(id).ErrorAsync([error], SessionEnded).ConfigureAwait(false);
    }

    /// <summary>Stops operation <paramref name="id"/> if it runs; its subscription and scope are released.</summary>
    /// <param name="id">The operation's id.</param>
    /// <param name="untilFinished">Also wait until it has released its place among the operations in flight.</param>
    protected async Task StopAsync(string id, bool untilFinished = false)
    {
        if (Detach(id) is not { } operation)
        {
            return;
        }

        try
        {
            await operation.Cancellation.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // It finished on its own meanwhile.
        }

        if (untilFinished)
        {
            await operation.Completion.ConfigureAwait(false); // never faults: RunOperationAsync catches everything
        }
    }

    /// <summary>Frees operation <paramref name="id"/>'s id before its last message goes out, so the client may reuse it at once.</summary>
    protected void Forget(string id) => Detach(id);

    private RunningOperation? Detach(string id)
    {
        if (!_operations.TryRemove(id, out var operation))
        {
            return null;
        }

        _detached.TryAdd(operation, 0);
        return operation;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, RunningOperation operation)
    {
        await Task.Yield(); // the receive loop goes on while the operation runs
        try
        {
            await services.Runner.RunAsync(request, User!, Options.SubscriptionBufferCapacity, CreateSink(id), operation.Cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            services.Logger.LogError(ex, "GraphQL operation {OperationId} over WebSocket failed unexpectedly.", id);
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, RunningOperation>(id, operation));
            _detached.TryRemove(operation, out _);
            operation.Cancellation.Dispose();
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task CloseWhenInitTimesOutAsync()
    {
        try
        {
            await Task.Delay(Options.ConnectionInitTimeout, services.TimeProvider, _initWait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // connection_init arrived, or the session ended
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(InitTimeoutCloseCode, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(Options.KeepAliveInterval, services.TimeProvider);
        while (await timer.WaitForNextTickAsync(SessionEnded).ConfigureAwait(false))
        {
            await connection.EnqueueAsync(KeepAliveMessage, SessionEnded).ConfigureAwait(false);
        }
    }

    private async Task CloseWhenExpiredAsync(DateTimeOffset expiresAt)
    {
        var remaining = expiresAt - services.TimeProvider.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            // Task.Delay cannot wait longer than about 49 days; tokens that live longer are re-checked then.
            var maxDelay = TimeSpan.FromDays(49);
            while (remaining > maxDelay)
            {
                await Task.Delay(maxDelay, services.TimeProvider, SessionEnded).ConfigureAwait(false);
                remaining = expiresAt - services.TimeProvider.GetUtcNow();
            }

            await Task.Delay(remaining, services.TimeProvider, SessionEnded).ConfigureAwait(false);
        }

        await CloseAsync(ForbiddenCloseCode, "Forbidden: the credentials expired").ConfigureAwait(false);
    }

    private static async Task SwallowCancellationAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>What <see cref="TryStart"/> did.</summary>
    protected enum StartOutcome
    {
        Started,
        IdInUse,
        TooManyOperations,
    }

    private sealed class RunningOperation(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Completion { get; set; } = Task.CompletedTask;
    }
}
