using GraphQL;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Sse;

/// <summary>Writes Server-Sent Events one at a time (results and keep-alive comments come from different tasks).</summary>
internal sealed class SseEventWriter(HttpResponse response, IGraphQLTextSerializer serializer) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary><c>event: next</c> with the result as one line of JSON (compact JSON has no raw line breaks).</summary>
    public Task WriteNextAsync(ExecutionResult result, CancellationToken ct) =>
        WriteAsync($"event: next\ndata: {serializer.Serialize(result)}\n\n", ct);

    public Task WriteCompleteAsync(CancellationToken ct) => WriteAsync("event: complete\ndata:\n\n", ct);

    /// <summary>A comment line: ignored by clients, keeps proxies from timing the connection out.</summary>
    public Task WriteKeepAliveAsync(CancellationToken ct) => WriteAsync(":\n\n", ct);

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await response.WriteAsync(text, ct).ConfigureAwait(false);
            await response.Body.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
