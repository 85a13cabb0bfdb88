using GraphApi.Data;

namespace GraphApi.Users;

/// <summary>An account. Username and email are normalized as they are set, so the unique indexes
/// on <see cref="NormalizedUsername"/> and <see cref="Email"/> enforce case-insensitive uniqueness.</summary>
internal sealed class User : IEntity, ITimestamped
{
    private string _username = "";
    private string _email = "";

    public int Id { get; set; }

    /// <summary>As the user typed it (trimmed); see <see cref="NormalizedUsername"/> for lookups.</summary>
    public string Username
    {
        get => _username;
        set
        {
            _username = UserRules.NormalizeUsername(value);
            NormalizedUsername = UserRules.LookupKey(_username);
        }
    }

    /// <summary>The lower-cased username: the key for uniqueness and login.</summary>
    public string NormalizedUsername { get; private set; } = "";

    /// <summary>Stored trimmed and lower-cased.</summary>
    public string Email
    {
        get => _email;
        set => _email = UserRules.NormalizeEmail(value);
    }

    public Role Role { get; set; }

    public string PasswordHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
