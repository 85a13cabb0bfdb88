namespace GraphApi.Users.AdminBootstrap;

/// <summary>The ADMIN account ensured at start-up, bound from <c>Admin</c>. All three keys or none (default: none).</summary>
internal sealed class AdminAccountOptions
{
    public const string SectionName = "Admin";

    public string? Username { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The validated account, or null when none is configured. Throws with a message naming the
    /// missing keys, or the broken rules, so start-up stops before anything is written.
    /// </summary>
    public ConfiguredAdmin? Validate()
    {
        var keys = new (string Key, string? Value)[]
        {
            ($"{SectionName}:Username", Username),
            ($"{SectionName}:Email", Email),
            ($"{SectionName}:Password", Password),
        };
        var missing = keys.Where(k => string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key).ToList();
        if (missing.Count == keys.Length)
        {
            return null;
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Admin bootstrap needs Admin:Username, Admin:Email and Admin:Password together; missing: {string.Join(", ", missing)}.");
        }

        var problems = new[]
            {
                UserRules.ValidateUsername(Username!),
                UserRules.ValidateEmail(Email!),
                UserRules.ValidatePassword(Password!),
            }
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Admin bootstrap settings are invalid: {string.Join(" ", problems)}");
        }

        return new ConfiguredAdmin(UserRules.NormalizeUsername(Username!), UserRules.NormalizeEmail(Email!), Password!);
    }
}

/// <summary>A complete, valid admin configuration (username and email already normalized).</summary>
internal sealed record ConfiguredAdmin(string Username, string Email, string Password);
