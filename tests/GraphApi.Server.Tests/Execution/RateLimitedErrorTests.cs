using GraphApi.Server.Execution;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Tests.Execution;

public sealed class RateLimitedErrorTests
{
    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.2, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.0001, 2)]
    [InlineData(59.5, 60)]
    [InlineData(900.0, 900)]
    public void RetryAfter_is_whole_seconds_rounded_up_and_at_least_one(double seconds, int expected)
    {
        var error = new RateLimitedError("Slow down.", TimeSpan.FromSeconds(seconds));

        Assert.Equal((ErrorCodes.RateLimited, expected), (error.Code, error.RetryAfterSeconds));
    }

    [Fact]
    public void The_response_carries_the_code_and_retryAfter_in_extensions()
    {
        var provider = new GraphQLErrorInfoProvider(new ExceptionExposure(
            Options.Create(new GraphQLServerOptions()), new HostingEnvironment { EnvironmentName = "Production" }));

        var info = provider.GetInfo(new RateLimitedError("Slow down.", TimeSpan.FromSeconds(59.5)));

        Assert.Equal("Slow down.", info.Message);
        Assert.Equal("RATE_LIMITED", info.Extensions!["code"]);
        Assert.Equal(60, info.Extensions["retryAfter"]);
    }
}
