namespace GraphApi.Auth.PasswordHashing;

/// <summary>Hashes and verifies passwords. The encoded hash carries its own algorithm parameters.</summary>
public interface IPasswordHasher
{
    /// <summary>Hashes <paramref name="password"/> with a fresh random salt and the configured parameters.</summary>
    string Hash(string password);

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/> (constant-time comparison);
    /// false for a wrong password or an unreadable hash.</summary>
    bool Verify(string hash, string password);

    /// <summary>True when <paramref name="hash"/> was made with parameters other than the configured ones
    /// (re-hash after a successful login).</summary>
    bool NeedsRehash(string hash);
}
