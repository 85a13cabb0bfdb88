using System.Text.Json;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// What travels on a Redis channel: the message and the name of its type, so a receiving instance hands it only to
/// subscribers of that type (as the in-process bus does) instead of guessing from the JSON's shape.
/// </summary>
internal sealed record RedisMessageEnvelope(string Type, JsonElement Message);
