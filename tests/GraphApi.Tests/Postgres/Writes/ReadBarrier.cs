using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>
/// When armed, holds each matching query after it has executed until <c>parties</c> of them have, so that
/// concurrent requests all read the same committed row version before any of them writes. Disarms itself once
/// they met (later reads, such as a retry's, pass freely) and never holds longer than its timeout.
/// </summary>
internal sealed class ReadBarrier : DbCommandInterceptor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private Func<string, bool>? _matches;
    private int _waiting;
    private TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when every party met at the barrier since it was last armed (false when it timed out).</summary>
    public bool Met => _met.Task.IsCompletedSuccessfully;

    public void Arm(int parties, Func<string, bool> matches)
    {
        lock (_gate)
        {
            (_matches, _waiting) = (matches, parties);
            _met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Task met;
        lock (_gate)
        {
            if (_matches is null || !_matches(command.CommandText))
            {
                return result;
            }

            met = _met.Task;
            if (--_waiting == 0)
            {
                _matches = null;
                _met.SetResult();
            }
        }

        try
        {
            await met.WaitAsync(Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The test asserts Met; a request is never stuck here for good.
        }

        return result;
    }
}
