using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Users;

/// <summary>
/// <see cref="GraphApiFixture"/> with the login and registration rate limits out of the way: its tests register far
/// more often than one address may in a minute (the limits have tests of their own).
/// </summary>
public sealed class ManyRegistrationsFixture() : GraphApiFixture(() => Task.FromResult(new GraphApiFactory(
    new Dictionary<string, string?>
    {
        ["RateLimits:Login:PerIpPerMinute"] = "10000",
        ["RateLimits:Login:FailuresPerAccount"] = "10000",
    })));
