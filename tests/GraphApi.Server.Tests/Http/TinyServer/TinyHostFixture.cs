namespace GraphApi.Server.Tests.Http.TinyServer;

/// <summary>One Production-mode tiny host shared by a test class (tests that need other options start their own).</summary>
public sealed class TinyHostFixture : IAsyncLifetime
{
    private TinyGraphQLHost? _host;

    internal HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await TinyGraphQLHost.StartAsync();
        Client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
