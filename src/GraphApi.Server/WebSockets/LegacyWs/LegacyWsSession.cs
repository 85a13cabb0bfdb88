using System.Net.WebSockets;
using GraphApi.Server.Streaming;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using static GraphApi.Server.WebSockets.LegacyWs.LegacyWsMessageTypes;

namespace GraphApi.Server.WebSockets.LegacyWs;

/// <summary>
/// The legacy graphql-ws state machine: connection_init → connection_ack + <c>ka</c> (or connection_error and
/// close 4403), start/data/error/complete/stop, connection_terminate. Bad messages are answered with an error
/// message and the socket stays open, as Apollo's server did.
/// </summary>
internal sealed class LegacyWsSession(WebSocketConnection connection, HttpContext upgradeRequest, WebSocketSessionServices services)
    : WebSocketSession(connection, upgradeRequest, services)
{
    protected override OperationMessage KeepAliveMessage { get; } = new() { Type = KeepAlive };

    protected override Task HandleAsync(ClientMessage message) => message.Type switch
    {
        ConnectionInit => InitAsync(message),
        Start => StartAsync(message),
        Stop when message.Id is { } id => StopAsync(id),
        ConnectionTerminate => CloseAsync((int)WebSocketCloseStatus.NormalClosure, "Connection terminated by the client"),
        _ => OnInvalidMessageAsync($"Invalid message type '{message.Type}' or missing id."),
    };

    protected override Task OnInvalidMessageAsync(string reason) => SendAsync(Error, payload: ErrorPayload(reason));

    protected override IOperationSink CreateSink(string id) => new Sink(this, id);

    private async Task InitAsync(ClientMessage message)
    {
        if (!MarkInitReceived())
        {
            await CloseAsync(TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        var authentication = await AuthenticateAsync(message.Payload).ConfigureAwait(false);
        if (authentication.IsRejected)
        {
            await SendAsync(ConnectionError, payload: ErrorPayload("Forbidden")).ConfigureAwait(false);
            await CloseAsync(Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        await SendAsync(ConnectionAck).ConfigureAwait(false);
        if (Options.KeepAliveInterval > TimeSpan.Zero)
        {
            await SendAsync(KeepAlive).ConfigureAwait(false); // Apollo clients start their keep-alive watchdog on the first ka
        }

        Acknowledge(authentication);
    }

    private async Task StartAsync(ClientMessage message)
    {
        if (message.Id is not { Length: > 0 } id)
        {
            await OnInvalidMessageAsync("A start message needs an id.").ConfigureAwait(false);
            return;
        }

        if (User is null)
        {
            await SendAsync(Error, id, ErrorPayload("The connection is not initialised: send connection_init first.")).ConfigureAwait(false);
            return;
        }

        if (GraphQLRequestPayload.Read(Serializer, message.Payload) is not { } request)
        {
            await SendAsync(Error, id, ErrorPayload("A start payload needs a string query.")).ConfigureAwait(false);
            return;
        }

        // Apollo's semantics: a start with the id of a running operation replaces it (and its place among the
        // operations in flight, so a replacement at the cap is not refused).
        await StopAsync(id, untilFinished: true).ConfigureAwait(false);
        if (TryStart(id, request) == StartOutcome.TooManyOperations)
        {
            await RefuseTooManyOperationsAsync(id).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> ErrorPayload(string message) => new() { ["message"] = message };

    private sealed class Sink(LegacyWsSession session, string id) : IOperationSink
    {
        public ValueTask NextAsync(ExecutionResult result, CancellationToken cancellationToken) =>
            new(session.SendAsync(LegacyWsMessageTypes.Data, id, result, cancellationToken));

        public ValueTask ErrorAsync(IReadOnlyList<ExecutionError> errors, CancellationToken cancellationToken)
        {
            session.Forget(id);
            return new(session.SendAsync(Error, id, errors, cancellationToken));
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            session.Forget(id);
            return new(session.SendAsync(Complete, id, null, cancellationToken));
        }
    }
}
