using GraphApi.Auth.PasswordHashing;
using GraphApi.Data;
using GraphApi.Data.Seeding;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Data;

public sealed class AppDataRegistrationTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    [Theory]
    [InlineData(null, typeof(SqliteAppDbContext))]
    [InlineData("Sqlite", typeof(SqliteAppDbContext))]
    [InlineData("postgres", typeof(PostgresAppDbContext))]
    public async Task The_configured_provider_backs_AppDbContext_and_its_factory(string? provider, Type expected)
    {
        var settings = _database.Settings(("Database:Provider", provider));
        await using var host = new AppDataHost(settings);

        await using var scope = host.Services.CreateAsyncScope();
        await using var fromFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<AppDbContext>());
        Assert.IsType(expected, fromFactory);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_accepted_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AppDataHost(_database.Settings(("Database:Provider", "Oracle"))));

        Assert.Equal("Configuration 'Database:Provider' is 'Oracle'; expected 'Sqlite' (default) or 'Postgres'.", error.Message);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task Sample_seed_defaults_to_on_in_development_only(string environment, string? setting, bool expected)
    {
        await using var host = new AppDataHost(_database.Settings(("Seed:SampleData", setting)), environment);

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<SeedOptions>>().Value.SampleData);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task Thread_safety_checks_default_to_on_in_development_only(string environment, string? setting, bool expected)
    {
        await using var host = new AppDataHost(_database.Settings(("Database:ThreadSafetyChecks", setting)), environment);

        var checks = await host.WithDbAsync(db => Task.FromResult(
            db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled));

        Assert.Equal(expected, checks);
    }

    [Fact]
    public async Task Argon2_parameters_come_from_configuration_and_weak_ones_fail()
    {
        await using var strong = new AppDataHost(_database.Settings(("Auth:Argon2:MemoryKiB", "32768"), ("Auth:Argon2:Iterations", "3")));
        await using var weak = new AppDataHost(_database.Settings(("Auth:Argon2:MemoryKiB", "1024")));

        Assert.StartsWith("$argon2id$v=19$m=32768,t=3,p=1$", strong.Services.GetRequiredService<IPasswordHasher>().Hash("password123"), StringComparison.Ordinal);
        var error = Assert.Throws<OptionsValidationException>(() => weak.Services.GetRequiredService<IOptions<Argon2Options>>().Value);
        Assert.Contains("MemoryKiB must be >= 19456", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
