using GraphApi.Server.Http;
using GraphApi.Server.Streaming;
using GraphApi.Server.WebSockets;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Server.Sse;

/// <summary>
/// GraphQL over Server-Sent Events, graphql-sse's distinct connections mode: a GET or POST that accepts
/// <c>text/event-stream</c> gets one <c>next</c> event per result, then <c>complete</c>; the caller is the HTTP
/// request's user. Closing the connection stops a subscription; when the application stops, open streams end with
/// <c>complete</c>.
/// </summary>
internal sealed class SseTransport(
    GraphQLHttpRequestParser parser,
    GraphQLResponseWriter responseWriter,
    GraphQLOperationRunner runner,
    IGraphQLTextSerializer serializer,
    IOptions<SseOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime) : IGraphQLTransport
{
    public const string EventStream = "text/event-stream";

    private static readonly TimeSpan MaxExpiryDelay = TimeSpan.FromDays(49);

    public bool CanHandle(HttpContext context) =>
        !context.WebSockets.IsWebSocketRequest
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsPost(context.Request.Method))
        && MediaTypeHeaderValue.TryParseList(context.Request.Headers.Accept, out var accepted)
        && accepted.Any(m => m.Quality is not 0 && string.Equals(m.MediaType.Value, EventStream, StringComparison.OrdinalIgnoreCase));

    public async Task HandleAsync(HttpContext context)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        var (request, error) = isGet
            ? parser.ParseGet(context.Request)
            : await parser.ParsePostAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            // Not a GraphQL request at all: answered as GraphQL over HTTP would (graphql-sse defers to that spec).
            await responseWriter.WriteErrorAsync(context, ResponseFormat.Json, error).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = EventStream + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false); // the headers go out now, not with the first event

        using var writer = new SseEventWriter(context.Response, serializer);
        using var streamEnded = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var credentialsExpired = ExpiryWatch(context);
        using var operationEnded = CancellationTokenSource.CreateLinkedTokenSource(streamEnded.Token, credentialsExpired.Token);
        var keepAlive = KeepAliveAsync(writer, streamEnded.Token);
        var sink = new SseOperationSink(writer);
        try
        {
            // EventSource can only GET: queries and subscriptions then, never a mutation (a GET must be safe).
            await runner.RunAsync(
                request!, context.User, options.Value.SubscriptionBufferCapacity, sink, operationEnded.Token, refuseMutations: isGet).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (
            context.RequestAborted.IsCancellationRequested || credentialsExpired.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The client closed the stream (how a subscription ends in this mode), its credentials expired, or the
            // server is shutting down.
        }

        try
        {
            // Expired credentials end the stream as a socket closes with 4403 (the client may reconnect with a fresh
            // token); a shutdown ends it too, so the client reconnects to another instance.
            var cut = credentialsExpired.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested;
            if (cut && !sink.Completed && !context.RequestAborted.IsCancellationRequested)
            {
                await writer.WriteCompleteAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while the stream was being ended.
        }
        finally
        {
            await streamEnded.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    /// <summary>Fires once the request's credentials expire (their <c>exp</c> plus the clock skew); never without an <c>exp</c> claim.</summary>
    private CancellationTokenSource ExpiryWatch(HttpContext context)
    {
        if (CredentialExpiry.Of(context.User, options.Value.CredentialClockSkew) is not { } expiresAt)
        {
            return new CancellationTokenSource();
        }

        // CancellationTokenSource cannot wait longer than about 49 days; a stream that lives that long is rare
        // enough that ending it then (the client reconnects) is acceptable.
        var remaining = expiresAt - timeProvider.GetUtcNow();
        var delay = remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining > MaxExpiryDelay ? MaxExpiryDelay : remaining;
        return new CancellationTokenSource(delay, timeProvider);
    }

    private async Task KeepAliveAsync(SseEventWriter writer, CancellationToken cancellationToken)
    {
        if (options.Value.KeepAliveInterval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(options.Value.KeepAliveInterval, timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteKeepAliveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }
}
