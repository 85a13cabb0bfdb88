using System.Security.Cryptography;
using System.Text;
using Isopoh.Cryptography.Argon2;
using Isopoh.Cryptography.SecureArray;
using Microsoft.Extensions.Options;

namespace GraphApi.Auth.PasswordHashing;

/// <summary>Argon2id (PHC string format: <c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>).</summary>
internal sealed class Argon2PasswordHasher(IOptions<Argon2Options> options) : IPasswordHasher
{
    private const int SaltLength = 16;
    private const int HashLength = 32;

    private readonly Argon2Options _options = options.Value;

    public string Hash(string password)
    {
        var config = CreateConfig(password, RandomNumberGenerator.GetBytes(SaltLength));
        using var argon2 = new Argon2(config);
        using var hash = argon2.Hash();
        return config.EncodeString(hash.Buffer);
    }

    public bool Verify(string hash, string password)
    {
        if (!TryDecode(hash, out var stored, out var expected))
        {
            return false;
        }

        using (expected)
        {
            // Recompute with the parameters and salt the stored hash carries, then compare in constant time.
            stored.Password = Encoding.UTF8.GetBytes(password);
            using var argon2 = new Argon2(stored);
            using var actual = argon2.Hash();
            return CryptographicOperations.FixedTimeEquals(actual.Buffer, expected.Buffer);
        }
    }

    public bool NeedsRehash(string hash)
    {
        if (!TryDecode(hash, out var stored, out var storedHash))
        {
            return true;
        }

        using (storedHash)
        {
            return stored.Type != Argon2Type.HybridAddressing
                || stored.Version != Argon2Version.Nineteen
                || stored.MemoryCost != _options.MemoryKiB
                || stored.TimeCost != _options.Iterations
                || stored.Lanes != _options.Parallelism
                || storedHash.Buffer.Length != HashLength;
        }
    }

    private Argon2Config CreateConfig(string password, byte[] salt) => new()
    {
        Type = Argon2Type.HybridAddressing, // Argon2id
        Version = Argon2Version.Nineteen,
        MemoryCost = _options.MemoryKiB,
        TimeCost = _options.Iterations,
        Lanes = _options.Parallelism,
        Threads = _options.Parallelism,
        HashLength = HashLength,
        Salt = salt,
        Password = Encoding.UTF8.GetBytes(password),
        ClearPassword = true,
        SecureArrayCall = SecureArrayCall,
    };

    private static bool TryDecode(string encoded, out Argon2Config config, out SecureArray<byte> hash)
    {
        config = new Argon2Config { SecureArrayCall = SecureArrayCall };
        if (config.DecodeString(encoded, out var decoded) && decoded is not null)
        {
            hash = decoded;
            return true;
        }

        decoded?.Dispose();
        hash = null!;
        return false;
    }

    // Containers often cap locked memory (ulimit -l) below the 19 MiB work area: keep the library's
    // zeroing of buffers, skip only the mlock/munlock calls.
    private static readonly SecureArrayCall SecureArrayCall = new(
        SecureArray.DefaultCall.ZeroMemory,
        lockMemory: (_, _) => null,
        unlockMemory: (_, _) => { },
        os: "any (memory not locked)");
}
