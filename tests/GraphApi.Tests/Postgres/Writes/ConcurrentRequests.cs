using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>Sends requests on thread-pool threads that all wait for one start signal, so they really overlap.</summary>
internal static class ConcurrentRequests
{
    public static async Task<GraphQLResponse[]> SendAsync(int count, Func<int, Task<GraphQLResponse>> send)
    {
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await send(i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(requests);
    }
}
