using GraphApi.Auth;
using GraphApi.Auth.PasswordHashing;
using GraphApi.Auth.RateLimiting;
using GraphApi.Data;
using GraphApi.Errors;
using GraphApi.Server.Execution;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Users;

/// <summary>
/// Registration and login (docs/rules.md, "Validation" and "Strings"). Every failure is an error as data in the
/// payload; nothing is written when there is one. A rate limit (docs/rules.md, "Abuse resistance") is a RATE_LIMITED
/// field error instead, raised before any password is hashed.
/// </summary>
internal sealed class AccountService(
    AppDbContext db,
    IPasswordHasher hasher,
    PasswordHashingQueue hashing,
    DummyPasswordHash dummyHash,
    JwtTokenIssuer tokens,
    LoginThrottle throttle,
    ClientAddress client)
{
    public const string InvalidCredentialsMessage = "The username or email and password do not match an account.";

    public async Task<RegisterUserPayload> RegisterAsync(RegisterUserInput input, CancellationToken cancellationToken)
    {
        throttle.CountCall(client.Current);
        var validation = Validate(input);
        if (validation.Count > 0)
        {
            return new RegisterUserPayload(null, validation);
        }

        var username = UserRules.NormalizeUsername(input.Username);
        var usernameKey = UserRules.LookupKey(username);
        var email = UserRules.NormalizeEmail(input.Email);
        var taken = new List<object>();
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == usernameKey, cancellationToken))
        {
            taken.Add(UsernameTaken(username));
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            taken.Add(EmailTaken(email));
        }

        if (taken.Count > 0)
        {
            return new RegisterUserPayload(null, taken);
        }

        var user = new User { Username = username, Email = email, Role = Role.Customer, PasswordHash = await hashing.HashAsync(input.Password, cancellationToken) };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UserUniqueKeyViolation.Find(exception, db.Model) is { } key)
        {
            // A concurrent registration won between the checks above and the insert: the unique index decided.
            db.Entry(user).State = EntityState.Detached;
            return new RegisterUserPayload(null, [key == UserUniqueKey.Username ? UsernameTaken(username) : EmailTaken(email)]);
        }

        return new RegisterUserPayload(user, null);
    }

    public async Task<LoginPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken)
    {
        throttle.CountCall(client.Current);
        var key = UserRules.LookupKey(input.UsernameOrEmail);

        // Usernames cannot contain '@', so the key names one column and one index.
        var user = key.Contains('@')
            ? await db.Users.SingleOrDefaultAsync(u => u.Email == key, cancellationToken)
            : await db.Users.SingleOrDefaultAsync(u => u.NormalizedUsername == key, cancellationToken);

        var account = LoginThrottle.AccountKey(user?.Id, key);
        using (await throttle.TakeAccountTurnAsync(account, cancellationToken))
        {
            throttle.EnsureAttemptsLeft(account);

            // An unknown user still pays for one Argon2 verification: the answer takes the same time either way.
            var verified = await hashing.VerifyAsync(user?.PasswordHash ?? dummyHash.Value, input.Password, cancellationToken);
            if (user is null || !verified)
            {
                throttle.CountFailure(account);
                return new LoginPayload(null, null, null, [new InvalidCredentialsError(InvalidCredentialsMessage)]);
            }
        }

        if (hasher.NeedsRehash(user.PasswordHash))
        {
            // The configured Argon2 parameters changed since this hash was made: upgrade it while we know the password.
            try
            {
                user.PasswordHash = await hashing.HashAsync(input.Password, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (RateLimitedError)
            {
                // The hashing queue is full: the login stands, and the next one upgrades the hash.
            }
        }

        var (token, expiresAt) = tokens.Issue(user);
        return new LoginPayload(token, expiresAt, user, null);
    }

    private static List<object> Validate(RegisterUserInput input)
    {
        var errors = new List<object>();
        Add("username", UserRules.ValidateUsername(input.Username));
        Add("email", UserRules.ValidateEmail(input.Email));
        Add("password", UserRules.ValidatePassword(input.Password));
        return errors;

        void Add(string field, string? message)
        {
            if (message is not null)
            {
                errors.Add(new ValidationError(message, field));
            }
        }
    }

    private static UsernameTakenError UsernameTaken(string username) =>
        new($"The username '{username}' is already taken.", username);

    private static EmailTakenError EmailTaken(string email) =>
        new($"The email '{email}' is already registered.", email);
}
