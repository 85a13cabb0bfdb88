using GraphApi.Server.Data;
using GraphApi.Server.Tests.Data.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Data;

public sealed class QueryableMappingRegistrationTests
{
    [Fact]
    public void A_registered_mapping_is_one_singleton()
    {
        using var services = new ServiceCollection()
            .AddQueryableMapping<Widget>(mapping => mapping.Key(widget => widget.Id))
            .BuildServiceProvider();

        var mapping = services.GetRequiredService<QueryableMapping<Widget>>();

        Assert.Same(mapping, services.GetRequiredService<QueryableMapping<Widget>>());
    }

    [Fact]
    public void A_mapping_without_key_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddQueryableMapping<Widget>(mapping => mapping.Field("title", widget => widget.Name)));

        Assert.Contains("Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nullable_key_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new QueryableMapping<Widget>().Key(widget => widget.Description));
    }
}
