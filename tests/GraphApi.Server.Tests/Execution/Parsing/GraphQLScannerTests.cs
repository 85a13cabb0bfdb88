using System.Text;
using GraphApi.Server.Execution.Parsing;
using GraphQLParser;
using GraphQLParser.Exceptions;
using LibraryTokenKind = GraphQLParser.TokenKind;

namespace GraphApi.Server.Tests.Execution.Parsing;

/// <summary>
/// The scanner must agree with GraphQL-Parser's lexer on every document: the same tokens, and the same first error
/// with the same description and location. Short documents are compared here (the library is fast on them); the
/// scanner's cost does not depend on line length, which is what it is for.
/// </summary>
public sealed class GraphQLScannerTests
{
    // Pieces chosen to hit every lexical rule and its edges: escapes, block-string quotes, numbers, comments, control characters.
    private static readonly string[] Pieces =
    [
        " ", ",", "\n", "\r", "\r\n", "\t", "\uFEFF", "\u0001", "\u001F", "\u0085", "é", "\0",
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "&", "|", ".", "..", "...",
        "a", "_x", "query", "on", "Z9",
        "0", "00", "-", "-0", "12", "1.5", "1.", ".5", "1e", "1e+", "2E-3", "1.2e3", "0x", "9a",
        "\"", "\"\"", "\"\"\"", "\\", "\\\"", "\\\\", "\\u", "\\u00e9", "\\u12", "\\uZZZZ", "\\n", "\\q", "\\/",
        "\\\"\"\"", "#", "# c", "x1234", "u0041",
    ];

    [Fact]
    public void Agrees_with_GraphQL_Parser_on_generated_documents()
    {
        var random = new Random(20261129);
        var disagreements = new List<string>();
        for (var i = 0; i < 30_000 && disagreements.Count < 10; i++)
        {
            var text = Document(random);
            if (LibraryFailsToReport(text))
            {
                // GraphQL-Parser counts a lone \r as a line break but splits lines on \n alone when it quotes the
                // source, so an error after one crashes it (DocumentParser never lets it get there). Lexically \r
                // and \n are alike: compare on the text with \n instead.
                text = text.Replace('\r', '\n');
            }
            var expected = LibraryVerdict(text);
            var actual = ScannerVerdict(text);
            if (expected != actual)
            {
                disagreements.Add($"{Escape(text)}\n  library: {expected}\n  scanner: {actual}");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Theory]
    [InlineData("{ a }")]
    [InlineData("query Q($v: [Int!] = [1, -2.5e3]) @d { ...F ... on T { b(s: \"x\\u0041\\n\", t: \"\"\"block \\\"\"\" \"\"\") } } # done")]
    [InlineData("{ a(s: \"unterminated) }")]
    [InlineData("{ a(s: \"\"\"unterminated) }")]
    [InlineData("{ a(n: 01) }")]
    [InlineData("{ a(n: 1.) }")]
    [InlineData("{ a(s: \"\\u00\") }")]
    [InlineData("# comment with a bad escape \\x\n{ a }")]
    [InlineData("{ a } \u0007")]
    [InlineData("{ a } ~")]
    [InlineData("{ a } ~1234")]
    public void Agrees_with_GraphQL_Parser_on_each_rule(string text) =>
        Assert.Equal(LibraryVerdict(text), ScannerVerdict(text));

    [Fact]
    public void Stops_counting_at_the_first_token_over_the_limit()
    {
        var result = GraphQLScanner.Scan("{ a b c d }", maxTokens: 3);

        Assert.True(result.ExceedsTokenLimit);
        Assert.Equal(4, result.Tokens.Count);
    }

    private static string Document(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }
        return builder.ToString();
    }

    private static bool LibraryFailsToReport(string text)
    {
        try
        {
            _ = LibraryVerdict(text);
            return false;
        }
        catch (IndexOutOfRangeException)
        {
            return true;
        }
    }

    private static string LibraryVerdict(string text)
    {
        var tokens = new List<string>();
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(text, position);
                if (token.Kind == LibraryTokenKind.EOF)
                {
                    return string.Join(" ", tokens);
                }
                tokens.Add($"{Kind(token.Kind)}@{token.Start}");
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException error)
        {
            return string.Join(" ", tokens) + $" | {error.Description} at {error.Location.Line}:{error.Location.Column}";
        }
    }

    private static string ScannerVerdict(string text)
    {
        var result = GraphQLScanner.Scan(text, int.MaxValue);
        // GraphQL-Parser starts a block string's token at its third quote.
        var tokens = string.Join(" ", result.Tokens.Select(t =>
            $"{Kind(t.Kind)}@{(t.Kind == Server.Execution.Parsing.TokenKind.BlockString ? t.Start + 2 : t.Start)}"));
        if (result.Error is not { } error)
        {
            return tokens;
        }
        var (line, column) = LocatedSyntaxError.LineAndColumn(text, error.Position);
        return tokens + $" | {error.Description} at {line}:{column}";
    }

    private static string Kind(LibraryTokenKind kind) => kind switch
    {
        LibraryTokenKind.NAME => "name",
        LibraryTokenKind.INT => "int",
        LibraryTokenKind.FLOAT => "float",
        LibraryTokenKind.STRING => "string",
        LibraryTokenKind.COMMENT => "comment",
        _ => "punctuator",
    };

    private static string Kind(Server.Execution.Parsing.TokenKind kind) => kind switch
    {
        Server.Execution.Parsing.TokenKind.Name => "name",
        Server.Execution.Parsing.TokenKind.Int => "int",
        Server.Execution.Parsing.TokenKind.Float => "float",
        Server.Execution.Parsing.TokenKind.String or Server.Execution.Parsing.TokenKind.BlockString => "string",
        Server.Execution.Parsing.TokenKind.Comment => "comment",
        _ => "punctuator",
    };

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
