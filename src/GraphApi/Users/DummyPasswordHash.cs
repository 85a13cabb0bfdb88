using System.Security.Cryptography;
using GraphApi.Auth.PasswordHashing;

namespace GraphApi.Users;

/// <summary>
/// A hash no password matches, made once with the configured Argon2 parameters. Login verifies against it when the
/// user is unknown, so an unknown user costs the same time as a wrong password (no user enumeration by timing).
/// Made in the constructor (a singleton): the first login pays for it whether the user exists or not.
/// </summary>
internal sealed class DummyPasswordHash(IPasswordHasher hasher)
{
    public string Value { get; } = hasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
