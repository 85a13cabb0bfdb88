using System.Net;
using GraphApi.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Samples;

/// <summary>
/// The real application on Kestrel (127.0.0.1, a free port) over a temp SQLite file, with a bootstrapped admin and the
/// sample data, so programs outside the test process can reach it.
/// </summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    public const string Admin = "smoke_admin";
    public const string AdminPassword = "Smoke-Admin-Pass-2026";

    /// <summary>A sample customer (password: <c>SampleCustomers.Password</c>).</summary>
    public const string Customer = "alice_martin";

    private GraphApiFactory? _factory;

    public Uri Endpoint { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["Admin:Username"] = Admin,
            ["Admin:Email"] = "smoke.admin@example.com",
            ["Admin:Password"] = AdminPassword,
            ["Seed:SampleData"] = "true",
            ["GraphQL:PersistedOperations:Automatic"] = "true",
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Endpoint = new Uri(new Uri(address), "/graphql");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }
}
