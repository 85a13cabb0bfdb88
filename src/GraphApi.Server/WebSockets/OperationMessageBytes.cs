using System.Text;
using GraphApi.Server.Streaming;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// A protocol message as UTF-8 JSON. A shared subscription result (<see cref="SharedResults"/>) is serialized once
/// for all its subscribers; only the envelope around it (type and id) is written per socket, byte for byte what the
/// serializer writes for the whole message.
/// </summary>
internal static class OperationMessageBytes
{
    private static readonly byte[] PayloadSuffix = "}"u8.ToArray();

    /// <param name="message">The message.</param>
    /// <param name="serializer">Writes messages that carry no shared result, and shared results the first time.</param>
    /// <param name="envelope">The connection's last envelope, reused when this message has the same type and id.</param>
    public static OutboundBytes Of(OperationMessage message, IGraphQLTextSerializer serializer, ref EnvelopePrefix envelope)
    {
        if (message.Payload is not ExecutionResult result || SharedResults.Utf8(result, serializer) is not { } payload)
        {
            return OutboundBytes.Owned(Encoding.UTF8.GetBytes(serializer.Serialize(message)));
        }

        var prefix = envelope.For(message);
        var bytes = OutboundBytes.Rent(prefix.Length + payload.Length + PayloadSuffix.Length);
        var span = bytes.Span;
        prefix.CopyTo(span);
        payload.CopyTo(span[prefix.Length..]);
        PayloadSuffix.CopyTo(span[(prefix.Length + payload.Length)..]);
        return bytes;
    }
}
