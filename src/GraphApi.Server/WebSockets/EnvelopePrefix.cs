using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// <c>{"type":…,"id":…,"payload":</c> as the GraphQL serializer writes it (property order, escaping), kept for the
/// next message: a subscription's events all share their type and id, so a socket writes its envelope once.
/// </summary>
/// <remarks>A mutable struct held by one connection and used by one producer at a time.</remarks>
internal struct EnvelopePrefix
{
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    private string? _type;
    private string? _id;
    private byte[]? _bytes;

    public byte[] For(OperationMessage message)
    {
        if (_bytes is null || !string.Equals(_type, message.Type, StringComparison.Ordinal) || !string.Equals(_id, message.Id, StringComparison.Ordinal))
        {
            _bytes = Write(message);
            _type = message.Type;
            _id = message.Id;
        }

        return _bytes;
    }

    private static byte[] Write(OperationMessage message)
    {
        if (IsPlain(message.Type) && (message.Id is null || IsPlain(message.Id)))
        {
            // Nothing to escape (the usual ids and every type): no JSON writer.
            return Encoding.ASCII.GetBytes(message.Id is null
                ? "{\"type\":\"" + message.Type + "\",\"payload\":"
                : "{\"type\":\"" + message.Type + "\",\"id\":\"" + message.Id + "\",\"payload\":");
        }

        var buffer = new ArrayBufferWriter<byte>(64);
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
}
