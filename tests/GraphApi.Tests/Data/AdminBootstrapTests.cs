using GraphApi.Auth.PasswordHashing;
using GraphApi.Tests.Infrastructure;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Data;

public sealed class AdminBootstrapTests : IDisposable
{
    private const string Password = "Admin-Pass-123";
    private readonly TempSqliteDatabase _database = new();

    private Dictionary<string, string?> AdminSettings(string? username = "root_admin", string? email = "Root@Example.com", string? password = Password) =>
        _database.Settings(("Admin:Username", username), ("Admin:Email", email), ("Admin:Password", password));

    [Fact]
    public async Task With_all_three_settings_an_admin_is_created()
    {
        await using var host = new AppDataHost(AdminSettings());

        await host.InitializeDatabaseAsync();

        var admin = await host.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("root_admin", "root@example.com", Role.Admin), (admin.Username, admin.Email, admin.Role));
        Assert.True(host.Services.GetRequiredService<IPasswordHasher>().Verify(admin.PasswordHash, Password));
    }

    [Theory]
    [InlineData(null, "root@example.com", Password, "missing: Admin:Username.")]
    [InlineData("root_admin", null, null, "missing: Admin:Email, Admin:Password.")]
    [InlineData("root_admin", "", Password, "missing: Admin:Email.")]
    public async Task Partial_settings_stop_startup_naming_the_missing_keys(string? username, string? email, string? password, string expectedEnd)
    {
        await using var host = new AppDataHost(AdminSettings(username, email, password));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.InitializeDatabaseAsync);

        Assert.EndsWith(expectedEnd, error.Message, StringComparison.Ordinal);
        Assert.Contains("together", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "root@example.com", Password, "Username must be")]
    [InlineData("root_admin", "no-at-sign", Password, "Email must have")]
    [InlineData("root_admin", "root@example.com", "short", "Password must be")]
    public async Task Invalid_settings_stop_startup_with_the_broken_rule(string username, string email, string password, string expected)
    {
        await using var host = new AppDataHost(AdminSettings(username, email, password));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.InitializeDatabaseAsync);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_user_of_that_username_and_email_is_promoted_and_keeps_the_password()
    {
        await using (var plain = new AppDataHost(_database.Settings()))
        {
            await plain.InitializeDatabaseAsync();
            await plain.WithDbAsync(db =>
            {
                db.Users.Add(new User { Username = "Root_Admin", Email = "root@example.com", PasswordHash = "kept-hash" });
                return db.SaveChangesAsync();
            });
        }

        await using var host = new AppDataHost(AdminSettings());
        await host.InitializeDatabaseAsync();

        var user = await host.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("Root_Admin", Role.Admin, "kept-hash"), (user.Username, user.Role, user.PasswordHash));
    }

    [Fact]
    public async Task An_existing_user_of_that_username_with_another_email_is_not_promoted_and_stops_startup()
    {
        await using (var plain = new AppDataHost(_database.Settings()))
        {
            await plain.InitializeDatabaseAsync();
            await plain.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "ROOT_admin", "squatter@example.com"));
        }

        await using var host = new AppDataHost(AdminSettings());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.InitializeDatabaseAsync);

        Assert.Contains("user 'ROOT_admin' (Admin:Username) exists with another email than Admin:Email 'root@example.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not promoted", error.Message, StringComparison.Ordinal);
        Assert.Equal(Role.Customer, await host.WithDbAsync(db => db.Users.Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task An_email_taken_by_another_user_stops_startup()
    {
        await using (var plain = new AppDataHost(_database.Settings()))
        {
            await plain.InitializeDatabaseAsync();
            await plain.WithDbAsync(db => UniquenessTests.AddUserAsync(db, "someone_else", "root@example.com"));
        }

        await using var host = new AppDataHost(AdminSettings());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.InitializeDatabaseAsync);

        Assert.Contains("'root@example.com' (Admin:Email) already belongs to user 'someone_else'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Role.Customer, await host.WithDbAsync(db => db.Users.Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task Bootstrap_is_idempotent()
    {
        await using var host = new AppDataHost(AdminSettings());

        await host.InitializeDatabaseAsync();
        var first = await host.WithDbAsync(db => db.Users.SingleAsync());
        await host.InitializeDatabaseAsync();

        var second = await host.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal((first.Id, first.PasswordHash, first.UpdatedAt), (second.Id, second.PasswordHash, second.UpdatedAt));
    }

    [Fact]
    public async Task Sample_data_is_still_seeded_next_to_a_bootstrapped_admin()
    {
        var settings = AdminSettings();
        settings["Seed:SampleData"] = "true";
        await using var host = new AppDataHost(settings);

        await host.InitializeDatabaseAsync();

        Assert.Equal((1, 20), await host.WithDbAsync(async db =>
            (await db.Users.CountAsync(u => u.Role == Role.Admin), await db.Users.CountAsync(u => u.Role == Role.Customer))));
    }

    [Fact]
    public async Task A_sample_customer_whose_name_the_admin_took_is_left_out_of_the_seed()
    {
        var settings = AdminSettings(username: "Alice_Martin");
        settings["Seed:SampleData"] = "true";
        await using var host = new AppDataHost(settings);

        await host.InitializeDatabaseAsync();

        var users = await host.WithDbAsync(db => db.Users.ToListAsync());
        Assert.Equal((19, Role.Admin), (users.Count(u => u.Role == Role.Customer), users.Single(u => u.NormalizedUsername == "alice_martin").Role));
    }

    public void Dispose() => _database.Dispose();
}
