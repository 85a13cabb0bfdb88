using GraphApi.Data.Sqlite;

namespace GraphApi.Tests.Data;

/// <summary>Holding a <see cref="SqliteWriteGate"/> as another request would, and waiting on what others do meanwhile.</summary>
internal static class GateTurns
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Takes the turn in a flow of its own (nothing flows in or out), like another request would.</summary>
    public static Task<IDisposable> HoldAsync(SqliteWriteGate gate)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());
        }
    }

    /// <summary>Polls a condition another task makes true; the gate offers no event for "someone is waiting".</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
