using System.Threading.RateLimiting;
using GraphApi.Server.Execution;
using Microsoft.Extensions.Options;

namespace GraphApi.Auth.RateLimiting;

/// <summary>
/// The login and registration rate limits (<see cref="LoginRateLimitOptions"/>): calls per client address, and failed
/// logins per account. Every refusal throws <see cref="RateLimitedError"/> before any password is hashed.
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _callsPerAddress;
    private readonly PartitionedRateLimiter<string> _failuresPerAccount;
    private readonly PartitionedRateLimiter<string> _accountTurns;

    public LoginThrottle(IOptions<LoginRateLimitOptions> options, TimeProvider clock)
    {
        var limits = options.Value;
        var failureWindow = TimeSpan.FromMinutes(limits.FailureWindowMinutes);
        _callsPerAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.Get(address, _ => new SlidingWindowLimiter(limits.PerIpPerMinute, Minute, clock)));
        _failuresPerAccount = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.Get(account, _ => new SlidingWindowLimiter(limits.FailuresPerAccount, failureWindow, clock)));
        _accountTurns = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetConcurrencyLimiter(account, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = 1,
                QueueLimit = limits.AccountQueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>
    /// The account failures count against: the user (whether named by username or email), or for an unknown name the
    /// name itself, throttled the same way so a refusal tells nothing about whether the account exists.
    /// </summary>
    public static string AccountKey(int? userId, string lookupKey) =>
        userId is { } id ? "user:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "name:" + lookupKey;

    /// <summary>Logins of <paramref name="account"/> waiting for their turn right now.</summary>
    public long WaitingTurns(string account) => _accountTurns.GetStatistics(account)?.CurrentQueuedCount ?? 0;

    /// <summary>Counts one <c>login</c> or <c>registerUser</c> call from <paramref name="clientAddress"/>.</summary>
    public void CountCall(string clientAddress)
    {
        using var lease = _callsPerAddress.AttemptAcquire(clientAddress);
        if (!lease.IsAcquired)
        {
            throw Refused(lease, "Too many login and registration attempts from this address.");
        }
    }

    /// <summary>
    /// Waits (without blocking a thread) until no other login for <paramref name="account"/> is being checked;
    /// dispose the result when this one is decided. Refused when too many already wait.
    /// </summary>
    public async ValueTask<IDisposable> TakeAccountTurnAsync(string account, CancellationToken cancellationToken)
    {
        var lease = await _accountTurns.AcquireAsync(account, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new RateLimitedError("Too many simultaneous login attempts for this account.", TimeSpan.FromSeconds(1));
        }

        return lease;
    }

    /// <summary>Refuses when <paramref name="account"/> has used up its failed logins in the window.</summary>
    public void EnsureAttemptsLeft(string account)
    {
        using var lease = _failuresPerAccount.AttemptAcquire(account, 0);
        if (!lease.IsAcquired)
        {
            throw Refused(lease, "Too many failed logins for this account.");
        }
    }

    /// <summary>Remembers one failed login for <paramref name="account"/>.</summary>
    public void CountFailure(string account) => _failuresPerAccount.AttemptAcquire(account).Dispose();

    public void Dispose()
    {
        _callsPerAddress.Dispose();
        _failuresPerAccount.Dispose();
        _accountTurns.Dispose();
    }

    private static RateLimitedError Refused(RateLimitLease lease, string reason)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return new RateLimitedError($"{reason} Try again in {RateLimitedError.WholeSeconds(retryAfter)} seconds.", retryAfter);
    }
}
