using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace GraphApi.Data.Resilience;

/// <summary>
/// Npgsql's retrying strategy (connection failures, 53300 too many clients, 40001 serialization failure,
/// 40P01 deadlock, ...) with a time budget: once the next attempt would start after
/// <see cref="DatabaseOptions.RetryBudgetSeconds"/>, it gives up so the caller answers promptly.
/// </summary>
internal sealed class BoundedRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies, DatabaseOptions options)
    : NpgsqlRetryingExecutionStrategy(
        dependencies,
        options.MaxRetryCount,
        TimeSpan.FromSeconds(1),
        errorCodesToAdd: [TooManyConnections, SerializationFailure, DeadlockDetected, AdminShutdown])
{
    private const string TooManyConnections = "53300";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string AdminShutdown = "57P01";

    private readonly TimeSpan _budget = TimeSpan.FromSeconds(options.RetryBudgetSeconds);
    private long _firstAttempt;

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        _firstAttempt = Stopwatch.GetTimestamp();
    }

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var delay = base.GetNextDelay(lastException);
        return delay is { } next && Stopwatch.GetElapsedTime(_firstAttempt) + next < _budget ? next : null;
    }
}
