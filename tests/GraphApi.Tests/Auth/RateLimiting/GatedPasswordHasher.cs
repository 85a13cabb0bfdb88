using GraphApi.Auth.PasswordHashing;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>A hasher whose verifications wait for the test to open the gate, so a test can hold hashing slots.</summary>
internal sealed class GatedPasswordHasher : IPasswordHasher
{
    private readonly ManualResetEventSlim _gate = new(false);
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public void Open() => _gate.Set();

    public string Hash(string password) => "gated$" + password;

    public bool Verify(string hash, string password)
    {
        Interlocked.Increment(ref _started);
        _gate.Wait(TimeSpan.FromSeconds(30)); // runs on a hashing thread of its own: blocking it is the point
        return hash == "gated$" + password;
    }

    public bool NeedsRehash(string hash) => false;
}
