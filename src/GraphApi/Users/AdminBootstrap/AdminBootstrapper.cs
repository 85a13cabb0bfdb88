using GraphApi.Auth.PasswordHashing;
using GraphApi.Data;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Users.AdminBootstrap;

/// <summary>
/// Ensures the configured ADMIN exists (docs/rules.md, "Admin bootstrap"); idempotent, so it runs at every start.
/// An existing user of that username is promoted only when its email is Admin:Email; otherwise start-up stops.
/// </summary>
internal sealed class AdminBootstrapper(AppDbContext db, IPasswordHasher hasher, ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureAdminAsync(ConfiguredAdmin admin, CancellationToken cancellationToken)
    {
        var usernameKey = UserRules.LookupKey(admin.Username);
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == usernameKey, cancellationToken);
        var emailOwner = await db.Users.SingleOrDefaultAsync(u => u.Email == admin.Email, cancellationToken);
        if (emailOwner is not null && emailOwner != existing)
        {
            throw new InvalidOperationException(
                $"Admin bootstrap: the email '{admin.Email}' (Admin:Email) already belongs to user '{emailOwner.Username}', "
                + $"not to '{admin.Username}'. Choose another Admin:Email or Admin:Username.");
        }

        if (existing is not null && existing.Email != admin.Email)
        {
            // Usernames are public and anyone may register one first: only the configured email proves the account
            // is the operator's. (Both emails are stored lower-cased, so this compares case-insensitively.)
            throw new InvalidOperationException(
                $"Admin bootstrap: user '{existing.Username}' (Admin:Username) exists with another email than "
                + $"Admin:Email '{admin.Email}', so it is not promoted to ADMIN. Choose another Admin:Username, or set "
                + "Admin:Email to that account's email if it is yours.");
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
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Admin bootstrap: created ADMIN '{Username}'.", admin.Username);
        }
        else if (existing.Role != Role.Admin)
        {
            // The password is deliberately left alone: the account's owner keeps their credentials.
            existing.Role = Role.Admin;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Admin bootstrap: promoted existing user '{Username}' to ADMIN.", existing.Username);
        }
    }
}
