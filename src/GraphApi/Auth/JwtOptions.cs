namespace GraphApi.Auth;

/// <summary>JWT settings, section <c>Jwt</c> (see the run contract).</summary>
internal sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>Used only in Development when <c>Jwt:SigningKey</c> is not set.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789abcdef";

    public const int MinimumKeyBytes = 32;

    /// <summary>HS256 key, at least 32 bytes of UTF-8. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Token issuer; default <c>GraphApi</c>.</summary>
    public string Issuer { get; set; } = "GraphApi";

    /// <summary>Token audience; default <c>GraphApi</c>.</summary>
    public string Audience { get; set; } = "GraphApi";

    /// <summary>Token lifetime; default 60 minutes.</summary>
    public int LifetimeMinutes { get; set; } = 60;

    /// <summary>Clock skew allowed when validating lifetimes; default 30 seconds.</summary>
    public int ClockSkewSeconds { get; set; } = 30;
}
