using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution.PersistedOperations;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Execution.PersistedOperations;

/// <summary>Trusted documents over HTTP: each request shape, unknown ids, the lock-down switch and the manifest store.</summary>
public sealed class PersistedOperationHttpTests
{
    [Fact]
    public async Task Post_with_a_sha256_prefixed_documentId_runs_the_trusted_document()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.PostAsync(new JsonObject { ["documentId"] = "sha256:" + PersistedHost.HelloId });

        Assert.Equal((HttpStatusCode.OK, "world"), (answer.Status, answer.Hello));
    }

    [Fact]
    public async Task Post_with_a_bare_hex_documentId_or_hot_chocolates_id_runs_the_trusted_document()
    {
        await using var host = await PersistedHost.StartAsync();

        var bare = await host.PostAsync(new JsonObject { ["documentId"] = PersistedHost.HelloId.ToUpperInvariant() });
        var hotChocolate = await host.PostAsync(new JsonObject { ["id"] = PersistedHost.HelloId, ["operationName"] = "Hello" });

        Assert.Equal("world", bare.Hello);
        Assert.Equal("world", hotChocolate.Hello);
    }

    [Fact]
    public async Task Get_with_documentId_runs_the_trusted_document()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.GetAsync("documentId=sha256%3A" + PersistedHost.HelloId);

        Assert.Equal((HttpStatusCode.OK, "world"), (answer.Status, answer.Hello));
    }

    [Fact]
    public async Task An_unknown_documentId_is_a_400_with_PERSISTED_OPERATION_NOT_FOUND()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.PostAsync(new JsonObject { ["documentId"] = "sha256:" + new string('a', 64) });

        Snapshot.Match(answer.ToSnapshot());
    }

    [Fact]
    public async Task An_unknown_documentId_is_a_400_even_for_application_json()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.GetAsync("id=not-a-hash", accept: "application/json");

        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_OPERATION_NOT_FOUND"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task A_document_edited_after_it_was_added_no_longer_runs()
    {
        await using var host = await PersistedHost.StartAsync();
        File.WriteAllText(Path.Combine(host.Directory.FullName, PersistedHost.HelloId + ".graphql"), "{ whoami }");

        var answer = await host.PostAsync(new JsonObject { ["documentId"] = PersistedHost.HelloId });

        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_OPERATION_NOT_FOUND"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task A_non_string_documentId_is_an_invalid_request()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.PostAsync(new JsonObject { ["documentId"] = 7 });

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task OnlyPersisted_refuses_document_text_with_a_400()
    {
        await using var host = await PersistedHost.StartAsync(o => o.OnlyPersisted = true);

        var answer = await host.PostAsync(new JsonObject { ["query"] = PersistedHost.Hello });

        Snapshot.Match(answer.ToSnapshot());
    }

    [Fact]
    public async Task OnlyPersisted_still_serves_ids_over_post_and_get()
    {
        await using var host = await PersistedHost.StartAsync(o => o.OnlyPersisted = true);

        var post = await host.PostAsync(new JsonObject { ["documentId"] = PersistedHost.HelloId });
        var get = await host.GetAsync("documentId=" + PersistedHost.HelloId);

        Assert.Equal("world", post.Hello);
        Assert.Equal("world", get.Hello);
    }

    [Fact]
    public async Task OnlyPersisted_refuses_text_over_get_and_an_automatic_registration()
    {
        await using var host = await PersistedHost.StartAsync(o => (o.OnlyPersisted, o.Automatic) = (true, true));

        var get = await host.GetAsync("query=" + Uri.EscapeDataString("{ hello }"), accept: "application/json");
        var register = await host.PostAsync(PersistedHost.Apq(DocumentHash.Of("{ whoami }"), "{ whoami }"));

        Assert.Equal((HttpStatusCode.BadRequest, "ONLY_PERSISTED_OPERATIONS_ALLOWED"), (get.Status, get.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "ONLY_PERSISTED_OPERATIONS_ALLOWED"), (register.Status, register.Code));
    }

    [Fact]
    public async Task Text_still_runs_when_OnlyPersisted_is_off()
    {
        await using var host = await PersistedHost.StartAsync();

        var answer = await host.PostAsync(new JsonObject { ["query"] = "{ hello }" });

        Assert.Equal("world", answer.Hello);
    }

    [Fact]
    public async Task A_manifest_serves_its_ids_as_the_client_build_wrote_them()
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"graphapi-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(manifest, new JsonObject { ["ABC123"] = "{ hello }" }.ToJsonString());
        try
        {
            await using var host = await PersistedHost.StartAsync(o => (o.Directory, o.Manifest) = (null, manifest));

            var known = await host.PostAsync(new JsonObject { ["documentId"] = "abc123" });
            var fromDirectoryNotConfigured = await host.PostAsync(new JsonObject { ["documentId"] = PersistedHost.HelloId });

            Assert.Equal("world", known.Hello);
            Assert.Equal("PERSISTED_OPERATION_NOT_FOUND", fromDirectoryNotConfigured.Code);
        }
        finally
        {
            File.Delete(manifest);
        }
    }
}
