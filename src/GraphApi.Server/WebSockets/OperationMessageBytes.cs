using System.Text;
using System.Text.Json;
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

    public static byte[] Of(OperationMessage message, IGraphQLTextSerializer serializer)
    {
        if (message.Payload is not ExecutionResult result || SharedResults.Utf8(result, serializer) is not { } payload)
        {
            return Encoding.UTF8.GetBytes(serializer.Serialize(message));
        }

        var prefix = Prefix(message);
        var bytes = new byte[prefix.Length + payload.Length + PayloadSuffix.Length];
        prefix.CopyTo(bytes, 0);
        payload.CopyTo(bytes, prefix.Length);
        PayloadSuffix.CopyTo(bytes, prefix.Length + payload.Length);
        return bytes;
    }

    /// <summary><c>{"type":…,"id":…,"payload":</c>, property order and escaping as the GraphQL serializer writes them.</summary>
    private static byte[] Prefix(OperationMessage message)
    {
        if (IsPlain(message.Type) && (message.Id is null || IsPlain(message.Id)))
        {
            // Nothing to escape (the usual ids and every type): no JSON writer per socket.
            return Encoding.ASCII.GetBytes(message.Id is null
                ? "{\"type\":\"" + message.Type + "\",\"payload\":"
                : "{\"type\":\"" + message.Type + "\",\"id\":\"" + message.Id + "\",\"payload\":");
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", message.Type);
            if (message.Id is not null)
            {
                writer.WriteString("id", message.Id);
            }

            writer.WritePropertyName("payload");
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool IsPlain(string? text) => text is { Length: > 0 and <= 64 } && text.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> PlainCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
}
