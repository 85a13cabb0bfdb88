using System.Globalization;

namespace GraphApi.Server.Execution.Parsing;

/// <summary>
/// A lexer for GraphQL documents that finds token boundaries and lexical errors in one linear pass, with the same
/// verdicts, error descriptions and positions as GraphQL-Parser's lexer. It exists because the library composes
/// each syntax error's message in time quadratic in the error's column, so the server must never let the library
/// fail on a long line (see <see cref="DocumentParser"/>); counting tokens here also keeps the token limit cheap.
/// </summary>
internal static class GraphQLScanner
{
    public static ScanResult Scan(string text, int maxTokens)
    {
        var tokens = new List<TokenSpan>();
        var position = 0;
        try
        {
            while (true)
            {
                position = SkipIgnored(text, position);
                if (position >= text.Length)
                {
                    return new ScanResult(tokens, ExceedsTokenLimit: false, Error: null);
                }
                var token = ReadToken(text, position);
                tokens.Add(token);
                if (tokens.Count > maxTokens)
                {
                    return new ScanResult(tokens, ExceedsTokenLimit: true, Error: null);
                }
                position = token.End;
            }
        }
        catch (LexicalException error)
        {
            return new ScanResult(tokens, ExceedsTokenLimit: false, new LexicalError(error.Position, error.Message));
        }
    }

    private static int SkipIgnored(string text, int position)
    {
        while (position < text.Length && text[position] is '\uFEFF' or '\t' or ' ' or '\n' or '\r' or ',')
        {
            position++;
        }
        return position;
    }

    private static TokenSpan ReadToken(string text, int start)
    {
        var code = text[start];
        if (code < ' ')
        {
            throw new LexicalException(start, $"Invalid character \"\\u{Decimal4(code)}\".");
        }
        return code switch
        {
            '!' or '$' or '(' or ')' or ':' or '=' or '@' or '&' or '[' or ']' or '{' or '}' or '|' =>
                new TokenSpan(TokenKind.Punctuator, start, start + 1),
            '.' when At(text, start + 1) == '.' && At(text, start + 2) == '.' => new TokenSpan(TokenKind.Punctuator, start, start + 3),
            '#' => ReadComment(text, start),
            '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') => ReadName(text, start),
            '-' or (>= '0' and <= '9') => ReadNumber(text, start),
            '"' when start + 2 < text.Length && text[start + 1] == '"' && text[start + 2] == '"' => ReadBlockString(text, start),
            '"' => ReadString(text, start),
            _ => throw new LexicalException(start, $"Unexpected character {UnexpectedCharacterName(text, start)}"),
        };
    }

    private static TokenSpan ReadName(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && text[end] is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
        {
            end++;
        }
        return new TokenSpan(TokenKind.Name, start, end);
    }

    private static TokenSpan ReadNumber(string text, int start)
    {
        var position = text[start] == '-' ? start + 1 : start;
        var isFloat = false;
        if (At(text, position) == '0')
        {
            position++;
            if (IsDigit(At(text, position)))
            {
                throw new LexicalException(position, $"Invalid number, unexpected digit after 0: \"{At(text, position)}\"");
            }
        }
        else
        {
            position = ReadDigits(text, position);
        }

        if (At(text, position) == '.')
        {
            isFloat = true;
            position = ReadDigits(text, position + 1);
        }
        if (At(text, position) is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (At(text, position) is '+' or '-')
            {
                position++;
            }
            position = ReadDigits(text, position);
        }
        return new TokenSpan(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    /// <summary>One or more digits from <paramref name="position"/>; the position after them.</summary>
    private static int ReadDigits(string text, int position)
    {
        var code = At(text, position);
        if (!IsDigit(code))
        {
            throw new LexicalException(position, $"Invalid number, expected digit but got: {CharacterName(code)}");
        }
        while (IsDigit(At(text, position)))
        {
            position++;
        }
        return position;
    }

    private static TokenSpan ReadString(string text, int start)
    {
        var position = start + 1;
        while (position < text.Length && text[position] is not ('\n' or '\r' or '"'))
        {
            var code = text[position];
            if (code < ' ' && code != '\t')
            {
                throw new LexicalException(position, $"Invalid character within String: \\u{Decimal4(code)}.");
            }
            position = code == '\\' ? SkipEscape(text, position) : position + 1;
        }
        if (At(text, position) != '"')
        {
            throw new LexicalException(position, "Unterminated string.");
        }
        return new TokenSpan(TokenKind.String, start, position + 1);
    }

    /// <summary>Comments go through the same escape handling as strings in GraphQL-Parser, so a bad escape fails there too.</summary>
    private static TokenSpan ReadComment(string text, int start)
    {
        var position = start + 1;
        while (position < text.Length && text[position] is not ('\n' or '\r'))
        {
            position = text[position] == '\\' ? SkipEscape(text, position) : position + 1;
        }
        return new TokenSpan(TokenKind.Comment, start, position);
    }

    /// <summary>Validates the escape sequence whose backslash is at <paramref name="backslash"/>; the position after it.</summary>
    private static int SkipEscape(string text, int backslash)
    {
        var position = backslash + 1;
        var escaped = At(text, position);
        switch (escaped)
        {
            case '"' or '/' or '\\' or 'b' or 'f' or 'n' or 'r' or 't':
                return position + 1;
            case 'u' when position + 5 > text.Length:
                throw new LexicalException(position, $"Invalid character escape sequence at EOF: \\{text[position..]}.");
            case 'u':
                var hex = text.AsSpan(position + 1, 4);
                if (!IsHex(hex))
                {
                    throw new LexicalException(position, $"Invalid character escape sequence: \\u{hex}.");
                }
                return position + 5;
            default:
                throw new LexicalException(position, $"Invalid character escape sequence: \\{escaped}.");
        }
    }

    private static TokenSpan ReadBlockString(string text, int start)
    {
        var position = start + 3;
        var afterBackslash = false;
        while (position < text.Length)
        {
            var code = text[position];
            if (code < ' ' && code is not ('\t' or '\n' or '\r'))
            {
                throw new LexicalException(position, $"Invalid character within block string: \\u{Decimal4(code)}.");
            }
            if (code == '"' && position + 2 < text.Length && text[position + 1] == '"' && text[position + 2] == '"')
            {
                if (!afterBackslash)
                {
                    return new TokenSpan(TokenKind.BlockString, start, position + 3);
                }
                afterBackslash = false; // \""" stands for """ and is content
                position += 3;
                continue;
            }
            else if (afterBackslash)
            {
                afterBackslash = false; // a lone backslash is content; this character is looked at afresh
                continue;
            }
            else if (code == '\\')
            {
                afterBackslash = true;
            }
            position++;
        }
        throw new LexicalException(position, "Unterminated block string.");
    }

    private static string UnexpectedCharacterName(string text, int position) =>
        // GraphQL-Parser names the character by the six characters from it when the last four of them are hex digits.
        position + 5 < text.Length && IsHex(text.AsSpan(position + 2, 4))
            ? $"\"{text.AsSpan(position, 6)}\""
            : CharacterName(text[position]);

    private static string CharacterName(char code) => code == '\0' ? "<EOF>" : $"\"{code}\"";

    private static char At(string text, int position) => position < text.Length ? text[position] : '\0';

    private static bool IsDigit(char code) => code is >= '0' and <= '9';

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var code in text)
        {
            if (!char.IsAsciiHexDigit(code))
            {
                return false;
            }
        }
        return true;
    }

    private static string Decimal4(char code) => ((int)code).ToString("D4", CultureInfo.InvariantCulture);

    private sealed class LexicalException(int position, string description) : Exception(description)
    {
        public int Position { get; } = position;
    }
}

internal enum TokenKind
{
    Punctuator,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
}

/// <summary>A token's kind and its characters, <c>[Start, End)</c>.</summary>
internal readonly record struct TokenSpan(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>The first lexical error: where it is and GraphQL-Parser's description of it.</summary>
internal sealed record LexicalError(int Position, string Description);

/// <summary>
/// The tokens read (comments included, as GraphQL-Parser's lexer returns them), whether there were more than the
/// limit (reading stops at the first one over), and the lexical error that stopped reading, if any.
/// </summary>
internal sealed record ScanResult(IReadOnlyList<TokenSpan> Tokens, bool ExceedsTokenLimit, LexicalError? Error);
