using System.Net;
using System.Net.Http.Json;
using GraphApi.Server.Data;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Execution.Limits;
using GraphApi.Server.Http;
using GraphApi.Server.Ide;
using GraphApi.Server.Sse;
using GraphApi.Server.WebSockets;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Tests.Registration;

/// <summary>
/// <c>AddGraphQLServer(section)</c>: every option is bound from the one section, invalid values stop start-up, and
/// the IDE serves beside the pattern given to <c>MapGraphQL</c>.
/// </summary>
public sealed class GraphQLServerBuilderTests
{
    [Fact]
    public void Every_option_is_bound_from_its_sub_section()
    {
        using var services = new ServiceCollection()
            .AddGraphQLServer(Section(new()
            {
                ["ExecutionTimeout"] = "00:00:07",
                ["Paging:MaxPageSize"] = "5",
                ["Limits:MaxDepth"] = "4",
                ["Limits:MaxCost"] = "99",
                ["DocumentCache:MaxEntries"] = "3",
                ["WebSockets:MaxOperationsPerConnection"] = "2",
                ["Sse:SubscriptionBufferCapacity"] = "6",
                ["Ide:Enabled"] = "false",
            }))
            .AddWebSockets()
            .AddSse()
            .AddIde()
            .Services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(7), services.GetRequiredService<IOptions<GraphApi.Server.Execution.GraphQLServerOptions>>().Value.ExecutionTimeout);
        Assert.Equal(5, services.GetRequiredService<IOptions<PagingOptions>>().Value.MaxPageSize);
        Assert.Equal(4, services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxDepth);
        Assert.Equal(99, services.GetRequiredService<IOptions<CostAnalysisOptions>>().Value.MaxCost);
        Assert.Equal(3, services.GetRequiredService<IOptions<GraphApi.Server.Execution.Caching.DocumentCacheOptions>>().Value.MaxEntries);
        Assert.Equal(2, services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value.MaxOperationsPerConnection);
        Assert.Equal(6, services.GetRequiredService<IOptions<SseOptions>>().Value.SubscriptionBufferCapacity);
        Assert.False(services.GetRequiredService<IOptions<IdeOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData("Limits:MaxDepth", "0", "RequestLimitsOptions.MaxDepth must be at least 1; it is 0.")]
    [InlineData("Limits:MaxCost", "-1", "CostAnalysisOptions.MaxCost must not be negative; it is -1.")]
    [InlineData("DocumentCache:MaxBytes", "0", "DocumentCacheOptions.MaxBytes must be at least 1; it is 0.")]
    public async Task An_invalid_limit_stops_start_up_naming_it(string key, string value, string message)
    {
        // Mapping resolves the executor, which reads the limits: the mistake surfaces there or, at the latest, at start.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(new() { [key] = value }, "/graphql");
            await app.StartAsync();
        });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ide_serves_beside_the_pattern_given_to_MapGraphQL()
    {
        var assets = Directory.CreateTempSubdirectory("ide-assets-").FullName;
        File.WriteAllText(Path.Combine(assets, "index.html"), "<html><head></head><body>IDE</body></html>");
        await using var app = Build(new() { ["Ide:AssetsDirectory"] = assets }, "/api/graphql");
        await app.StartAsync();
        using var client = app.GetTestClient();

        var configuration = await client.GetFromJsonAsync<Dictionary<string, string>>("/api/graphql/bcp-config.json");
        using var atDefault = await client.GetAsync("/graphql/bcp-config.json");

        Assert.Equal("http://localhost/api/graphql", configuration!["endpoint"]);
        Assert.Equal(HttpStatusCode.NotFound, atDefault.StatusCode);
    }

    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static WebApplication Build(Dictionary<string, string?> values, string pattern)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthorization();
        builder.Services.AddGraphQLServer(Section(values)).AddIde();

        // A stand-in schema: these tests are about registration, not about binding SDL to code.
        builder.Services.AddSingleton<ISchema>(_ => GraphQL.Types.Schema.For("type Query { ping: Int }"));
        var app = builder.Build();
        app.MapGraphQL(pattern);
        return app;
    }
}
