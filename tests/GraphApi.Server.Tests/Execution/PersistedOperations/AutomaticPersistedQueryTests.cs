using System.Net;
using GraphApi.Server.Execution.PersistedOperations;
using GraphApi.Server.PubSub.Redis;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Execution.PersistedOperations;

/// <summary>Apollo's automatic persisted queries: hash first, the query on PERSISTED_QUERY_NOT_FOUND, then the hash alone.</summary>
public sealed class AutomaticPersistedQueryTests
{
    private const string Query = "{ hello }";

    private static readonly string Hash = DocumentHash.Of(Query);

    [Fact]
    public async Task An_unknown_hash_answers_200_with_PERSISTED_QUERY_NOT_FOUND()
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);

        var answer = await host.PostAsync(PersistedHost.Apq(Hash));

        Snapshot.Match(answer.ToSnapshot());
    }

    [Fact]
    public async Task Over_post_the_query_with_its_hash_runs_and_then_the_hash_alone_runs()
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);

        var unknown = await host.PostAsync(PersistedHost.Apq(Hash));
        var registered = await host.PostAsync(PersistedHost.Apq(Hash, Query));
        var byHash = await host.PostAsync(PersistedHost.Apq(Hash));

        Assert.Equal((HttpStatusCode.OK, "PERSISTED_QUERY_NOT_FOUND"), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.OK, "world"), (registered.Status, registered.Hello));
        Assert.Equal((HttpStatusCode.OK, "world"), (byHash.Status, byHash.Hello));
    }

    [Fact]
    public async Task Over_get_the_query_with_its_hash_runs_and_then_the_hash_alone_runs()
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);
        var extensions = "extensions=" + Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Hash}}}"}}""");

        var unknown = await host.GetAsync(extensions);
        var registered = await host.GetAsync(extensions + "&query=" + Uri.EscapeDataString(Query));
        var byHash = await host.GetAsync(extensions);

        Assert.Equal((HttpStatusCode.OK, "PERSISTED_QUERY_NOT_FOUND"), (unknown.Status, unknown.Code));
        Assert.Equal("world", registered.Hello);
        Assert.Equal("world", byHash.Hello);
    }

    [Fact]
    public async Task A_query_that_does_not_hash_to_the_sent_hash_is_a_400_and_is_not_stored()
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);

        var mismatch = await host.PostAsync(PersistedHost.Apq(Hash, "{ whoami }"));
        var byHash = await host.PostAsync(PersistedHost.Apq(Hash));

        Snapshot.Match(mismatch.ToSnapshot());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", byHash.Code);
    }

    [Fact]
    public async Task An_invalid_query_is_not_stored()
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);
        const string invalid = "{ nope }";

        var first = await host.PostAsync(PersistedHost.Apq(DocumentHash.Of(invalid), invalid));
        var byHash = await host.PostAsync(PersistedHost.Apq(DocumentHash.Of(invalid)));

        Assert.NotNull(first.Json["errors"]);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", byHash.Code);
    }

    [Theory]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"HASH"}}""")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"abc"}}""")]
    [InlineData("""{"persistedQuery":"HASH"}""")]
    public async Task A_malformed_persistedQuery_extension_is_an_invalid_request(string extensions)
    {
        await using var host = await PersistedHost.StartAsync(o => o.Automatic = true);

        var answer = await host.GetAsync("extensions=" + Uri.EscapeDataString(extensions.Replace("HASH", Hash)));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task A_trusted_document_answers_its_hash_even_with_automatic_queries_off()
    {
        await using var host = await PersistedHost.StartAsync();

        var trusted = await host.PostAsync(PersistedHost.Apq(PersistedHost.HelloId));
        var registered = await host.PostAsync(PersistedHost.Apq(Hash, Query));
        var notStored = await host.PostAsync(PersistedHost.Apq(Hash));

        Assert.Equal("world", trusted.Hello);
        Assert.Equal("world", registered.Hello); // the query still runs, as Apollo clients expect
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", notStored.Code);
    }

    [Fact]
    public async Task The_in_memory_store_keeps_MaxEntries_queries_and_evicts_the_least_recently_used()
    {
        await using var host = await PersistedHost.StartAsync(o => (o.Automatic, o.MaxEntries) = (true, 2));
        string[] queries = ["{ hello }", "{ whoami }", "{ a: hello }"];

        foreach (var query in queries)
        {
            Assert.Null((await host.PostAsync(PersistedHost.Apq(DocumentHash.Of(query), query))).Code);
        }

        var codes = new List<string?>();
        foreach (var query in queries)
        {
            codes.Add((await host.PostAsync(PersistedHost.Apq(DocumentHash.Of(query)))).Code);
        }

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND", null, null], codes);
    }

    [RequiresRedisFact]
    public async Task Through_redis_a_query_registered_on_one_instance_runs_by_hash_on_another()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = await PersistedHost.StartAsync(o => o.Automatic = true, s => s.AddRedisPubSub(redis.Configuration));
        await using var second = await PersistedHost.StartAsync(o => o.Automatic = true, s => s.AddRedisPubSub(redis.Configuration));
        const string query = "{ whoami }";

        var before = await second.PostAsync(PersistedHost.Apq(DocumentHash.Of(query)));
        var registered = await first.PostAsync(PersistedHost.Apq(DocumentHash.Of(query), query));
        var after = await second.PostAsync(PersistedHost.Apq(DocumentHash.Of(query)));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", before.Code);
        Assert.Null(registered.Code);
        Assert.Null(after.Code);
        Assert.True(after.Json["data"]!.AsObject().ContainsKey("whoami"));
        Assert.IsType<RedisAutomaticQueryStore>(second.Realtime.Services.GetRequiredService<IAutomaticQueryStore>());
    }
}
