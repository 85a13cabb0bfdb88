using System.Text;
using GraphApi.Server.Streaming;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Sse;

/// <summary>Writes Server-Sent Events one at a time (results and keep-alive comments come from different tasks).</summary>
internal sealed class SseEventWriter(HttpResponse response, IGraphQLTextSerializer serializer) : IDisposable
{
    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] CompleteEvent = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] KeepAliveComment = ":\n\n"u8.ToArray();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>
    /// <c>event: next</c> with the result as one line of JSON (compact JSON has no raw line breaks); a result shared by
    /// several subscribers (<see cref="SharedResults"/>) is serialized once for all of them.
    /// </summary>
    public Task WriteNextAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        var json = SharedResults.Utf8(result, serializer) ?? Encoding.UTF8.GetBytes(serializer.Serialize(result));
        var message = new byte[NextPrefix.Length + json.Length + EventEnd.Length];
        NextPrefix.CopyTo(message, 0);
        json.CopyTo(message, NextPrefix.Length);
        EventEnd.CopyTo(message, NextPrefix.Length + json.Length);
        return WriteAsync(message, cancellationToken);
    }

    public Task WriteCompleteAsync(CancellationToken cancellationToken) => WriteAsync(CompleteEvent, cancellationToken);

    /// <summary>A comment line: ignored by clients, keeps proxies from timing the connection out.</summary>
    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(KeepAliveComment, cancellationToken);

    private async Task WriteAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Body.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
