using GraphApi.Auth.PasswordHashing;
using GraphApi.Data;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Users.AdminBootstrap;

/// <summary>
/// Ensures the configured ADMIN exists (decisions.md "Admin bootstrap"); idempotent, so it runs at every start.
/// </summary>
internal sealed class AdminBootstrapper(AppDbContext db, IPasswordHasher hasher, ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureAdminAsync(ConfiguredAdmin admin, CancellationToken ct)
    {
        var usernameKey = UserRules.LookupKey(admin.Username);
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == usernameKey, ct);
        var emailOwner = await db.Users.SingleOrDefaultAsync(u => u.Email == admin.Email, ct);
        if (emailOwner is not null && emailOwner != existing)
        {
            throw new InvalidOperationException(
                $"Admin bootstrap: the email '{admin.Email}' (Admin:Email) already belongs to user '{emailOwner.Username}', "
                + $"not to '{admin.Username}'. Choose another Admin:Email or Admin:Username.");
        }

        if (existing is null)
        {
            db.Users.Add(new User
            {
                Username = admin.Username,
                Email = admin.Email,
                Role = Role.Admin,
                PasswordHash = hasher.Hash(admin.Password),
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Admin bootstrap: created ADMIN '{Username}'.", admin.Username);
        }
        else if (existing.Role != Role.Admin)
        {
            // The password is deliberately left alone: the account's owner keeps their credentials.
            existing.Role = Role.Admin;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Admin bootstrap: promoted existing user '{Username}' to ADMIN.", existing.Username);
        }
    }
}
