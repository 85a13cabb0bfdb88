using GraphApi.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace GraphApi.Tests.Infrastructure;

/// <summary>
/// The data layer exactly as the application registers it (AddAppData), over the given settings,
/// without a web host. Disposing it disposes the service provider.
/// </summary>
internal sealed class AppDataHost : IAsyncDisposable
{
    /// <summary>The instant every test clock starts at: 2026-11-26T12:00:00.1234567Z (sub-ms ticks on purpose).</summary>
    public static readonly DateTimeOffset StartTime = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly ServiceProvider _services;

    public AppDataHost(IDictionary<string, string?> settings, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddAppData(configuration, new HostingEnvironment { EnvironmentName = environment });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FixedTimeProvider Clock { get; } = new(StartTime);

    public IServiceProvider Services => _services;

    public Task InitializeDatabaseAsync() => _services.InitializeDatabaseAsync();

    /// <summary>Runs <paramref name="work"/> with a fresh scoped AppDbContext (a new unit of work).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
