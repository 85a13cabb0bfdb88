using GraphApi.Server.Streaming;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using static GraphApi.Server.WebSockets.TransportWs.TransportWsMessageTypes;

namespace GraphApi.Server.WebSockets.TransportWs;

/// <summary>
/// The graphql-transport-ws state machine: connection_init → connection_ack, then subscribe/next/error/complete;
/// ping/pong in both directions at any time; protocol violations close the socket with the spec's 44xx codes.
/// </summary>
internal sealed class TransportWsSession(WebSocketConnection connection, HttpContext upgradeRequest, WebSocketSessionServices services)
    : WebSocketSession(connection, upgradeRequest, services)
{
    protected override OperationMessage KeepAliveMessage { get; } = new() { Type = Ping };

    protected override Task HandleAsync(ClientMessage message) => message.Type switch
    {
        ConnectionInit => InitAsync(message),
        Ping => SendAsync(Pong, payload: message.Payload),
        Pong => Task.CompletedTask,
        Subscribe => SubscribeAsync(message),
        Complete when message.Id is { } id => StopAsync(id),
        _ => OnInvalidMessageAsync($"Invalid message type '{message.Type}' or missing id."),
    };

    protected override Task OnInvalidMessageAsync(string reason) => CloseAsync(InvalidMessage, reason);

    protected override IOperationSink CreateSink(string id) => new Sink(this, id);

    private async Task InitAsync(ClientMessage message)
    {
        if (!MarkInitReceived())
        {
            await CloseAsync(TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        if (message.Payload is { ValueKind: not System.Text.Json.JsonValueKind.Object })
        {
            await OnInvalidMessageAsync("The connection_init payload must be an object.").ConfigureAwait(false);
            return;
        }

        var authentication = await AuthenticateAsync(message.Payload).ConfigureAwait(false);
        if (authentication.IsRejected)
        {
            await CloseAsync(Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        await SendAsync(ConnectionAck).ConfigureAwait(false);
        Acknowledge(authentication);
    }

    private async Task SubscribeAsync(ClientMessage message)
    {
        if (User is null)
        {
            await CloseAsync(Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (message.Id is not { Length: > 0 } id || GraphQLRequestPayload.Read(Serializer, message.Payload) is not { } request)
        {
            await OnInvalidMessageAsync("A subscribe message needs an id and a payload with a string query.").ConfigureAwait(false);
            return;
        }

        switch (TryStart(id, request))
        {
            case StartOutcome.IdInUse:
                await CloseAsync(SubscriberAlreadyExists, $"Subscriber for {id} already exists").ConfigureAwait(false);
                break;
            case StartOutcome.TooManyOperations:
                await RefuseTooManyOperationsAsync(id).ConfigureAwait(false);
                break;
        }
    }

    private sealed class Sink(TransportWsSession session, string id) : IOperationSink
    {
        public ValueTask NextAsync(ExecutionResult result, CancellationToken cancellationToken) =>
            new(session.SendAsync(Next, id, result, cancellationToken));

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
