using GraphApi.Server.Execution;
using GraphApi.Server.Tests.Http.TinyServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Execution;

/// <summary>An exception the application's classifier calls a database outage answers DATABASE_UNAVAILABLE, not a masked error.</summary>
public sealed class DatabaseFailureClassificationTests
{
    [Fact]
    public async Task A_recognised_outage_answers_database_unavailable_and_logs_a_warning_only()
    {
        await using var host = await TinyGraphQLHost.StartAsync(configureServices: services =>
            services.AddSingleton<IDatabaseFailureClassifier>(new MessageClassifier(TinyQuery.SecretDetail)));

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ hello boom }");

        var error = exchange.Parsed["errors"]![0]!;
        Assert.Equal(ErrorCodes.DatabaseUnavailable, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("The database is unavailable right now; try again shortly.", error["message"]!.GetValue<string>());
        Assert.NotNull(exchange.Parsed["data"]!["hello"]); // siblings still resolve
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Database unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exception_no_classifier_recognises_stays_unexpected()
    {
        await using var host = await TinyGraphQLHost.StartAsync(configureServices: services =>
            services.AddSingleton<IDatabaseFailureClassifier>(new MessageClassifier("something else")));

        var exchange = await HttpExchange.PostQueryAsync(host.CreateClient(), "{ boom }");

        Assert.Equal(ErrorCodes.UnexpectedExecutionError, exchange.FirstErrorCode);
    }

    private sealed class MessageClassifier(string message) : IDatabaseFailureClassifier
    {
        public bool IsDatabaseUnavailable(Exception exception) => exception.Message == message;
    }
}
