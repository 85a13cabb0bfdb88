using GraphApi.Validation;

namespace GraphApi.Users;

/// <summary>
/// Normalization and validation rules for account input (docs/rules.md, "Strings" and "Validation").
/// Each validator returns an error message, or null when the value is acceptable.
/// </summary>
internal static class UserRules
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 32;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    public static string NormalizeUsername(string username) => username.Trim();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The case-insensitive lookup key of a username (or of a login's username-or-email).</summary>
    public static string LookupKey(string usernameOrEmail) => usernameOrEmail.Trim().ToLowerInvariant();

    public static string? ValidateUsername(string username)
    {
        var trimmed = NormalizeUsername(username);
        return KeyText.IsValid(trimmed, UsernameMinLength, UsernameMaxLength)
            ? null
            : $"Username must be {UsernameMinLength}–{UsernameMaxLength} characters of {KeyText.AllowedCharacters}.";
    }

    public static string? ValidateEmail(string email)
    {
        var trimmed = NormalizeEmail(email);
        if (trimmed.Length > EmailMaxLength)
        {
            return $"Email must be at most {EmailMaxLength} characters.";
        }

        var at = trimmed.IndexOf('@');
        var wellFormed = at > 0
            && at == trimmed.LastIndexOf('@')
            && trimmed.AsSpan(at + 1).Contains('.');
        return wellFormed ? null : "Email must have one '@', a non-empty local part and a domain with a dot.";
    }

    public static string? ValidatePassword(string password) =>
        password.Length is >= PasswordMinLength and <= PasswordMaxLength
            ? null
            : $"Password must be {PasswordMinLength}–{PasswordMaxLength} characters.";
}
