using System.Threading.RateLimiting;
using GraphApi.Server.Execution;
using Microsoft.Extensions.Options;

namespace GraphApi.Auth.PasswordHashing;

/// <summary>
/// Password hashing for requests: at most <see cref="Argon2Options.MaxConcurrency"/> hashes at once, on
/// <see cref="HashingThreads"/>, the rest waiting (asynchronously, holding no thread) in a queue of
/// <see cref="Argon2Options.QueueLimit"/>; beyond that the caller gets RATE_LIMITED at once.
/// </summary>
internal sealed class PasswordHashingQueue : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly IPasswordHasher _hasher;
    private readonly ConcurrencyLimiter _slots;
    private readonly HashingThreads _threads;

    public PasswordHashingQueue(IPasswordHasher hasher, IOptions<Argon2Options> options)
    {
        var settings = options.Value;
        _hasher = hasher;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrency,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _threads = new HashingThreads(settings.MaxConcurrency); // one per slot: a slot never waits for a thread
    }

    /// <summary>Hashes running and waiting right now.</summary>
    public RateLimiterStatistics Statistics => _slots.GetStatistics()!;

    /// <summary>Hashes at the configured cost with a fresh salt.</summary>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunAsync(() => _hasher.Hash(password), cancellationToken);

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    public Task<bool> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        RunAsync(() => _hasher.Verify(hash, password), cancellationToken);

    public void Dispose()
    {
        _slots.Dispose();
        _threads.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        using var slot = await _slots.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!slot.IsAcquired)
        {
            throw new RateLimitedError("The server is busy checking passwords. Try again shortly.", RetryAfter);
        }

        return await _threads.RunAsync(work).ConfigureAwait(false);
    }
}
