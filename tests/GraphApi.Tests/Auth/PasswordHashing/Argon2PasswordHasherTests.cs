using GraphApi.Auth.PasswordHashing;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Auth.PasswordHashing;

public sealed class Argon2PasswordHasherTests
{
    private static Argon2PasswordHasher Hasher(Argon2Options? options = null) =>
        new(Options.Create(options ?? new Argon2Options()));

    [Fact]
    public void Hash_then_verify_with_the_same_password_succeeds()
    {
        var hasher = Hasher();

        var hash = hasher.Hash("correct horse battery staple");

        Assert.True(hasher.Verify(hash, "correct horse battery staple"));
    }

    [Fact]
    public void Verify_with_a_wrong_password_fails()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("correct horse battery staple");

        Assert.False(hasher.Verify(hash, "correct horse battery stapler"));
        Assert.False(hasher.Verify(hash, ""));
    }

    [Fact]
    public void Hash_is_argon2id_and_carries_the_configured_parameters()
    {
        var hash = Hasher().Hash("password123");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_password_gets_a_different_salt_each_time()
    {
        var hasher = Hasher();

        Assert.NotEqual(hasher.Hash("password123"), hasher.Hash("password123"));
    }

    [Fact]
    public void A_hash_made_with_the_current_parameters_needs_no_rehash()
    {
        var hasher = Hasher();

        Assert.False(hasher.NeedsRehash(hasher.Hash("password123")));
    }

    [Theory]
    [InlineData(32768, 2, 1)]
    [InlineData(19456, 3, 1)]
    [InlineData(19456, 2, 2)]
    public void A_hash_made_with_other_parameters_needs_rehash_but_still_verifies(int memoryKiB, int iterations, int parallelism)
    {
        var oldHash = Hasher().Hash("password123");
        var stronger = Hasher(new Argon2Options { MemoryKiB = memoryKiB, Iterations = iterations, Parallelism = parallelism });

        Assert.True(stronger.NeedsRehash(oldHash));
        Assert.True(stronger.Verify(oldHash, "password123"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$broken")]
    public void An_unreadable_hash_never_verifies_and_needs_rehash(string garbage)
    {
        var hasher = Hasher();

        Assert.False(hasher.Verify(garbage, "password123"));
        Assert.True(hasher.NeedsRehash(garbage));
    }

    [Theory]
    [InlineData(19455, 2, 1)]
    [InlineData(19456, 1, 1)]
    [InlineData(19456, 2, 0)]
    public void Parameters_below_the_OWASP_minimum_are_refused(int memoryKiB, int iterations, int parallelism)
    {
        var options = new Argon2Options { MemoryKiB = memoryKiB, Iterations = iterations, Parallelism = parallelism };

        Assert.False(options.IsAtLeastOwaspMinimum);
    }
}
