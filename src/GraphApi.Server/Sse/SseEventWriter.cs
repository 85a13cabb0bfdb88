using GraphQL;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Sse;

/// <summary>Writes Server-Sent Events one at a time (results and keep-alive comments come from different tasks).</summary>
internal sealed class SseEventWriter(HttpResponse response, IGraphQLTextSerializer serializer) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary><c>event: next</c> with the result as one line of JSON (compact JSON has no raw line breaks).</summary>
    public Task WriteNextAsync(ExecutionResult result, CancellationToken cancellationToken) =>
        WriteAsync($"event: next\ndata: {serializer.Serialize(result)}\n\n", cancellationToken);

    public Task WriteCompleteAsync(CancellationToken cancellationToken) => WriteAsync("event: complete\ndata:\n\n", cancellationToken);

    /// <summary>A comment line: ignored by clients, keeps proxies from timing the connection out.</summary>
    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(":\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
