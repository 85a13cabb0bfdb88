using System.Text.RegularExpressions;

namespace GraphApi.Validation;

/// <summary>
/// Text that serves as a key (usernames, SKUs): letters, digits, '_' and '-', between a feature's own length
/// limits, so each rule states its limits once, as constants (docs/rules.md, "Validation").
/// </summary>
internal static partial class KeyText
{
    /// <summary>The allowed characters, as error messages name them.</summary>
    public const string AllowedCharacters = "A-Z, a-z, 0-9, '_' or '-'";

    public static bool IsValid(string text, int minLength, int maxLength) =>
        text.Length >= minLength && text.Length <= maxLength && Characters().IsMatch(text);

    // '$' as before: it also matches before one final newline (only untrimmed input can carry one).
    [GeneratedRegex("^[A-Za-z0-9_-]*$")]
    private static partial Regex Characters();
}
