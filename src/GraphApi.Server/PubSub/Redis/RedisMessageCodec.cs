using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>Turns messages into the JSON sent on Redis channels and back into the types local subscribers read.</summary>
internal sealed class RedisMessageCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // Types some local subscriber has asked for; a message of any other type has no reader in this process.
    private readonly ConcurrentDictionary<string, Type> _subscribedTypes = new(StringComparer.Ordinal);

    public void RegisterSubscriberType<T>() => _subscribedTypes.TryAdd(NameOf(typeof(T)), typeof(T));

    public byte[] Encode(object message)
    {
        var type = message.GetType();
        var envelope = new RedisMessageEnvelope(NameOf(type), JsonSerializer.SerializeToElement(message, type, Json));
        return JsonSerializer.SerializeToUtf8Bytes(envelope, Json);
    }

    /// <summary>
    /// Reads <paramref name="payload"/>; false when no local subscriber reads its type. Throws <see cref="JsonException"/>
    /// when the payload is not a message this codec wrote.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out object? message)
    {
        message = null;
        var envelope = JsonSerializer.Deserialize<RedisMessageEnvelope>(payload, Json)
            ?? throw new JsonException("The Redis message is JSON null instead of an envelope.");
        if (envelope.Type is null || !_subscribedTypes.TryGetValue(envelope.Type, out var type))
        {
            return false;
        }

        message = envelope.Message.Deserialize(type, Json);
        return message is not null;
    }

    private static string NameOf(Type type) => type.FullName ?? type.Name;
}
