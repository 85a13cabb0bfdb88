using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;

namespace GraphApi.Server.Streaming;

/// <summary>
/// Results that several subscribers receive: serialized once, on first use, and the same UTF-8 bytes spliced into
/// every subscriber's message. Results not registered here (queries, unshared events) are serialized as usual.
/// </summary>
internal static class SharedResults
{
    private static readonly ConditionalWeakTable<ExecutionResult, Payload> Payloads = new();

    public static void Register(ExecutionResult result) => Payloads.TryAdd(result, new Payload());

    /// <summary>The JSON of <paramref name="result"/> when it is shared, else null.</summary>
    public static byte[]? Utf8(ExecutionResult result, IGraphQLTextSerializer serializer) =>
        Payloads.TryGetValue(result, out var payload) ? payload.Get(result, serializer) : null;

    private sealed class Payload
    {
        private readonly Lock _gate = new();
        private byte[]? _json;

        public byte[] Get(ExecutionResult result, IGraphQLTextSerializer serializer)
        {
            if (Volatile.Read(ref _json) is { } json)
            {
                return json;
            }

            lock (_gate)
            {
                return _json ??= Encoding.UTF8.GetBytes(serializer.Serialize(result));
            }
        }
    }
}
