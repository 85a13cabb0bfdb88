using System.Net;
using System.Net.WebSockets;
using System.Text;
using GraphApi.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Tests.Operations;

/// <summary>
/// SIGTERM, as a container runtime sends it: open sockets get 1001, a request already in flight still completes, and
/// SSE streams end with <c>complete</c>.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_closes_sockets_with_1001_and_lets_an_in_flight_request_finish()
    {
        await using var app = await AppProcess.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(app.Address.ToString().Replace("http", "ws", StringComparison.Ordinal) + "graphql"), CancellationToken.None);
        await socket.SendAsync("""{"type":"connection_init"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var ack = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Contains("connection_ack", Encoding.UTF8.GetString(buffer, 0, ack.Count), StringComparison.Ordinal);

        // A request whose body is only half sent is in flight inside the server when SIGTERM arrives.
        using var client = app.CreateClient();
        var body = new SlowBody("""{"query":"{ products(first: 1) { totalCount } }""", "\"}").Json();
        var inFlight = client.PostAsync("/graphql", body);
        await body.FirstHalfSent;

        var exit = app.TerminateAsync(TimeSpan.FromSeconds(40));

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var closed = await socket.ReceiveAsync(buffer, deadline.Token);
        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);

        body.SendRest(); // after shutdown began (the 1001 says so)
        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"totalCount\":0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await exit == 0, app.Output);
    }

    [Fact]
    public async Task Stopping_the_application_ends_an_open_sse_stream_with_complete()
    {
        // On Kestrel, which lets in-flight responses finish when the host stops (the in-process test server aborts them).
        using var factory = new GraphApiFactory();
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var data = await factory.WithDbAsync(TestData.SeedAsync);
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "subscription { orderEvents { kind } }" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.TokenFor(data.Admin));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line) // null: the server ended the response
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                events.Add(line["event:".Length..].Trim());
            }
        }

        Assert.Equal(["complete"], events);
    }

    /// <summary>A JSON body sent in two parts; the second waits for <see cref="SendRest"/>.</summary>
    private sealed class SlowBody(string first, string rest) : HttpContent
    {
        private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _sendRest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowBody Json()
        {
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return this;
        }

        public Task FirstHalfSent => _firstSent.Task;

        public void SendRest() => _sendRest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            _firstSent.TrySetResult();
            await _sendRest.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(first) + Encoding.UTF8.GetByteCount(rest);
            return true;
        }
    }
}
