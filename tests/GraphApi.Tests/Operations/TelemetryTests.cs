using System.Diagnostics;
using System.Net;
using GraphApi.Server.Telemetry;
using GraphApi.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GraphApi.Tests.Operations;

/// <summary>Prometheus metrics at /metrics (when enabled) and the runtime's spans, captured with the in-memory exporter.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_hold_the_graphql_request_counter_by_operation_type_and_outcome()
    {
        using var factory = new GraphApiFactory(new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" });
        var client = factory.Client();
        (await client.PostAsync("{ products(first: 1) { totalCount } }")).AssertNoErrors();
        await client.PostAsync("{ products(first: 51) { totalCount } }"); // PAGE_SIZE_EXCEEDED: an error outcome

        using var response = await client.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("graphql_server_requests[a-z_]*\\{[^}]*graphql_operation_type=\"query\"[^}]*graphql_outcome=\"success\"", text);
        Assert.Matches("graphql_server_requests[a-z_]*\\{[^}]*graphql_operation_type=\"query\"[^}]*graphql_outcome=\"error\"", text);
        Assert.Contains("graphql_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_not_served_in_production_by_default()
    {
        using var factory = new GraphApiFactory();

        using var response = await factory.Client().Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Without_an_exporter_no_spans_or_measurements_are_recorded()
    {
        using var factory = new GraphApiFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_request_span_parents_the_dataloader_batch_spans_it_caused()
    {
        var spans = new List<Activity>();
        using var factory = new GraphApiFactory(new Dictionary<string, string?> { ["Telemetry:Tracing:Enabled"] = "true" })
        {
            TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        };
        _ = factory.Server;
        var admin = await factory.WithDbAsync(ManyOrdersData.SeedAsync);

        var response = await factory.Client(factory.TokenFor(admin)).PostAsync(
            "query TelemetryOrders { orders(first: 3) { nodes { customer { username } } } }", operationName: "TelemetryOrders");
        response.AssertNoErrors();

        Activity[] captured;
        lock (spans)
        {
            captured = [.. spans];
        }

        var request = Assert.Single(captured, s => s.Source.Name == ServerTelemetry.Name
            && (string?)s.GetTagItem("graphql.operation.name") == "TelemetryOrders");
        Assert.Equal("query TelemetryOrders", request.DisplayName);
        Assert.Equal("query", request.GetTagItem("graphql.operation.type"));
        Assert.Equal(0, request.GetTagItem("graphql.error.count"));
        var batch = Assert.Single(captured, s => s.OperationName == "graphql.dataloader.batch" && s.ParentSpanId == request.SpanId);
        Assert.Equal(request.TraceId, batch.TraceId);
        Assert.Equal(3, batch.GetTagItem("graphql.dataloader.batch.size"));
    }
}
