using GraphApi.Server.Telemetry;

namespace GraphApi.Server.DataLoading;

/// <summary>
/// Collects keys into batches and fetches each batch exactly once. Every key is remembered with the batch
/// that loads it, so a key is never fetched twice by the same instance (the per-request cache).
/// </summary>
internal sealed class KeyBatcher<TKey, TBatch>(string loaderName, Func<IReadOnlyList<TKey>, CancellationToken, Task<TBatch>> fetch)
    where TKey : notnull
{
    private readonly string _loaderName = loaderName;
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<TBatch>> _fetch = fetch;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchByKey = [];
    private Batch? _pending;

    /// <summary>Returns the batch that loads <paramref name="key"/>, adding the key to the pending batch if it is new.</summary>
    public Batch Enlist(TKey key)
    {
        lock (_gate)
        {
            if (_batchByKey.TryGetValue(key, out var known))
            {
                return known;
            }

            _pending ??= new Batch(this);
            _pending.Keys.Add(key);
            _batchByKey.Add(key, _pending);
            return _pending;
        }
    }

    internal sealed class Batch(KeyBatcher<TKey, TBatch> owner)
    {
        // Continuations run asynchronously so the dispatching field never executes the other waiters inline.
        private readonly TaskCompletionSource<TBatch> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _dispatched;

        /// <summary>The keys of this batch; frozen once the batch is dispatched.</summary>
        public List<TKey> Keys { get; } = [];

        /// <summary>
        /// The first caller fetches the whole batch with its own token; every other caller awaits the same result.
        /// </summary>
        public async Task<TBatch> GetAsync(CancellationToken cancellationToken)
        {
            if (TryClaimDispatch())
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
            }

            return await _completion.Task.ConfigureAwait(false);
        }

        private bool TryClaimDispatch()
        {
            lock (owner._gate)
            {
                if (_dispatched)
                {
                    return false;
                }

                _dispatched = true;
                // Keys asked for from now on start a new batch.
                if (ReferenceEquals(owner._pending, this))
                {
                    owner._pending = null;
                }

                return true;
            }
        }

        private async Task FetchAsync(CancellationToken cancellationToken)
        {
            using var activity = BatchTelemetry.Start(owner._loaderName, Keys.Count);
            try
            {
                _completion.TrySetResult(await owner._fetch(Keys, cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException canceled)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
            }
            catch (Exception failure)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.GetType().Name);
                // Every field waiting on this batch sees the failure; nobody is left hanging.
                _completion.TrySetException(failure);
            }
        }
    }
}
