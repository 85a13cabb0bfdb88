using GraphApi.Server.DataLoading;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.DataLoading;

public sealed class DataLoaderScopeTests
{
    [Fact]
    public void One_instance_per_key_and_type()
    {
        var scope = new DataLoaderScope();

        var first = scope.GetOrCreate("a", () => new List<int>());
        var again = scope.GetOrCreate("a", () => new List<int>());
        var otherKey = scope.GetOrCreate("b", () => new List<int>());
        var otherType = scope.GetOrCreate("a", () => new List<string>());

        Assert.Same(first, again);
        Assert.NotSame(first, otherKey);
        Assert.NotNull(otherType);
    }

    [Fact]
    public void Racing_callers_share_one_factory_call()
    {
        var scope = new DataLoaderScope();
        var factoryCalls = 0;

        var instances = Enumerable.Range(0, 1_000).AsParallel()
            .Select(_ => scope.GetOrCreate("key", () =>
            {
                Interlocked.Increment(ref factoryCalls);
                return new object();
            }))
            .Distinct()
            .ToList();

        Assert.Single(instances);
        Assert.Equal(1, factoryCalls);
    }

    [Fact]
    public void Registrations_are_scoped()
    {
        using var services = new ServiceCollection().AddDataLoaders().AddDataLoader<AuthorByIdLoader>()
            .AddSingleton<LoaderCalls>().BuildServiceProvider();
        using var request1 = services.CreateScope();
        using var request2 = services.CreateScope();

        Assert.Same(request1.ServiceProvider.GetRequiredService<DataLoaderScope>(), request1.ServiceProvider.GetRequiredService<DataLoaderScope>());
        Assert.NotSame(request1.ServiceProvider.GetRequiredService<DataLoaderScope>(), request2.ServiceProvider.GetRequiredService<DataLoaderScope>());
        Assert.NotSame(request1.ServiceProvider.GetRequiredService<AuthorByIdLoader>(), request2.ServiceProvider.GetRequiredService<AuthorByIdLoader>());
    }
}
