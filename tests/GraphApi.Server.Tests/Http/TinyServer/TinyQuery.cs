using GraphQL;

namespace GraphApi.Server.Tests.Http.TinyServer;

[GraphQLMetadata("Query")]
internal sealed class TinyQuery(ConcurrencyProbe probe)
{
    public const string SecretDetail = "kaboom: connection string leaked";
    public const string DeliberateCode = "DELIBERATE";

    public string Hello(string name) => $"Hello, {name}!";

    public int Add(int a, int b) => a + b;

    public string Boom() => throw new InvalidOperationException(SecretDetail);

    public string Fail() => throw new ExecutionError("Deliberate failure") { Code = DeliberateCode };

    public async Task<string> Slow(IResolveFieldContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(20), context.CancellationToken);
        return "late";
    }

    public Task<int> Probe() => probe.MeasureAsync();

    public string? Whoami(IResolveFieldContext context) => context.User?.Identity?.Name;

    public string Secret() => "classified";
}
