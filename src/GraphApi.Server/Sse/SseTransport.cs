using GraphApi.Server.Http;
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
            : await parser.ParsePostAsync(context.Request, context.RequestAborted);
        if (error is not null)
        {
            // Not a GraphQL request at all: answered as GraphQL over HTTP would (graphql-sse defers to that spec).
            await responseWriter.WriteErrorAsync(context, ResponseFormat.Json, error);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = EventStream + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        await context.Response.StartAsync(context.RequestAborted);

        using var writer = new SseEventWriter(context.Response, serializer);
        using var streamEnded = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var keepAlive = KeepAliveAsync(writer, streamEnded.Token);
        try
        {
            var sink = new SseOperationSink(writer);
            if (isGet && MutationOverGetCheck.Check(request!) is { } refused)
            {
                await sink.ErrorAsync([refused], streamEnded.Token);
            }
            else
            {
                await runner.RunAsync(request!, context.User, options.Value.SubscriptionBufferCapacity, sink, streamEnded.Token);
            }

            if (lifetime.ApplicationStopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                await writer.WriteCompleteAsync(context.RequestAborted); // cut by shutdown: tell the client it is over
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how a subscription ends in this mode.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await writer.WriteCompleteAsync(context.RequestAborted); // cut by shutdown mid-execution
        }
        finally
        {
            await streamEnded.CancelAsync();
            await keepAlive;
        }
    }

    private async Task KeepAliveAsync(SseEventWriter writer, CancellationToken ct)
    {
        if (options.Value.KeepAliveInterval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(options.Value.KeepAliveInterval, timeProvider);
            while (await timer.WaitForNextTickAsync(ct))
            {
                await writer.WriteKeepAliveAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }
}
