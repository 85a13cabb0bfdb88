using GraphApi.Server.Execution;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Execution;

public sealed class OperationLogScopeTests
{
    [Theory]
    [InlineData("ListProducts")]
    [InlineData(null)]
    public void A_scope_provider_sees_the_operation_name_as_one_structured_value(string? operationName)
    {
        var provider = new LoggerExternalScopeProvider();
        var seen = new List<object?>();

        using (provider.Push(new OperationLogScope(operationName)))
        {
            provider.ForEachScope((scope, found) => found.Add(scope), seen);
        }

        var pairs = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(Assert.Single(seen));
        Assert.Equal([new KeyValuePair<string, object?>("GraphQLOperationName", operationName)], pairs);
        Assert.Equal($"GraphQLOperationName:{operationName}", seen[0]!.ToString());
    }

    [Fact]
    public void It_is_a_list_of_exactly_one_entry()
    {
        var scope = new OperationLogScope("Q");

        Assert.Equal(("GraphQLOperationName", "Q"), (scope[0].Key, scope[0].Value));
        Assert.Single(scope);
        Assert.Throws<ArgumentOutOfRangeException>(() => scope[1]);
    }
}
