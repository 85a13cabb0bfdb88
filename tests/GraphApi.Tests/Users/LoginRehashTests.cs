using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Hosting;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Users;

/// <summary>
/// The app is configured with stronger Argon2 parameters (3 iterations) than the stored hash of its user (the
/// OWASP defaults, 2 iterations), as after an operator raised them.
/// </summary>
public sealed class LoginRehashTests : IAsyncLifetime
{
    private const string Password = "dave's secret";

    private readonly GraphApiFactory _factory = new(new Dictionary<string, string?> { ["Auth:Argon2:Iterations"] = "3" });
    private readonly string _weakerHash = new Argon2PasswordHasher(Options.Create(new Argon2Options())).Hash(Password);

    public Task InitializeAsync() => _factory.WithDbAsync(db =>
    {
        db.Users.Add(new User { Username = "dave", Email = "dave@example.com", PasswordHash = _weakerHash });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_successful_login_rehashes_with_the_configured_parameters()
    {
        var payload = await _factory.Client().LoginAsync("dave", Password);

        Assert.Empty(AccountRequests.ErrorsOf(payload));
        var stored = await StoredHashAsync();
        var hasher = _factory.Services.GetRequiredService<IPasswordHasher>();
        Assert.NotEqual(_weakerHash, stored);
        Assert.Contains("m=19456,t=3,p=1", stored);
        Assert.False(hasher.NeedsRehash(stored));
        Assert.True(hasher.Verify(stored, Password));
    }

    [Fact]
    public async Task A_failed_login_leaves_the_hash_alone()
    {
        var payload = await _factory.Client().LoginAsync("dave", "wrong password");

        Assert.Equal("InvalidCredentialsError", Assert.Single(AccountRequests.ErrorsOf(payload)).Type);
        Assert.Equal(_weakerHash, await StoredHashAsync());
    }

    [Fact]
    public async Task A_hash_with_the_configured_parameters_is_kept()
    {
        await _factory.Client().LoginAsync("dave", Password);
        var rehashed = await StoredHashAsync();

        var payload = await _factory.Client().LoginAsync("dave", Password);

        Assert.Empty(AccountRequests.ErrorsOf(payload));
        Assert.Equal(rehashed, await StoredHashAsync());
    }

    private Task<string> StoredHashAsync() =>
        _factory.WithDbAsync(db => db.Users.Where(u => u.Username == "dave").Select(u => u.PasswordHash).SingleAsync());

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }
}
