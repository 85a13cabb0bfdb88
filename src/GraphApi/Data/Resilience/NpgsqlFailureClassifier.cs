using GraphApi.Server.Execution;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GraphApi.Data.Resilience;

/// <summary>
/// The database is unavailable when the retries ran out, or a connection could not be opened, was dropped or
/// was refused (too many clients, shutting down): transient failures, unlike a constraint violation or a bug.
/// </summary>
internal sealed class NpgsqlFailureClassifier : IDatabaseFailureClassifier
{
    public bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RetryLimitExceededException || current is NpgsqlException { IsTransient: true })
            {
                return true;
            }

            if (current is PostgresException { SqlState: var state } && (state.StartsWith("08", StringComparison.Ordinal)
                || state is "53300" or "57P01" or "57P02" or "57P03"))
            {
                return true;
            }
        }

        return false;
    }
}
