using System.Collections.Concurrent;

namespace GraphApi.Auth.PasswordHashing;

/// <summary>
/// A few threads of our own that do nothing but hash passwords. Argon2 holds a core for tens of milliseconds per call;
/// run on the thread pool, a login flood would occupy every pool thread and leave none for health checks or other
/// requests until the pool slowly grows. Here the pool stays free and the CPU is shared by the OS scheduler.
/// </summary>
internal sealed class HashingThreads : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();

    public HashingThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        for (var i = 0; i < count; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"password-hashing-{i + 1}" }.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a hashing thread; the continuation runs on the thread pool.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        });
        return done.Task;
    }

    public void Dispose() => _work.CompleteAdding(); // the threads finish what is queued, then end

    private void Work()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
