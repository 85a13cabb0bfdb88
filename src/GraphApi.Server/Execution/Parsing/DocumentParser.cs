using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphApi.Server.Execution.Parsing;

/// <summary>
/// Parses request documents with GraphQL.NET's document builder, in time linear in the document even when it is
/// malformed.
/// </summary>
/// <remarks>
/// GraphQL-Parser composes every syntax error's message by padding a caret line out to the error's column one
/// space at a time, each time copying the whole pad: quadratic in the column. A one-line document of 1 MiB with an
/// error at its end costs minutes of CPU, ignoring any cancellation. It also counts a lone <c>\r</c> as a line break
/// but quotes the source split on <c>\n</c> alone, so an error on a line after one throws IndexOutOfRangeException.
/// So a document with a line longer than <see cref="LongLine"/> characters, or with a <c>\r</c>, never reaches
/// the library's error path: <see cref="GraphQLScanner"/> judges its
/// tokens, and its grammar is checked on a stand-in with one token per line (errors land at a token's start, so at a
/// short column), whose error position is mapped back to the document. Only a document the stand-in accepts is
/// then parsed for real, and that parse cannot fail.
/// </remarks>
public sealed class DocumentParser(IDocumentBuilder documentBuilder)
{
    /// <summary>Columns up to this cost the library well under a millisecond to report.</summary>
    public const int LongLine = 1_000;

    /// <summary>
    /// The document's syntax tree, or why there is none: more than <paramref name="maxTokens"/> tokens (counting stops
    /// there), nesting past the parser's limit, or a syntax error worded and located as GraphQL.NET reports one.
    /// </summary>
    public ParseOutcome Parse(string text, int maxTokens)
    {
        var scan = GraphQLScanner.Scan(text, maxTokens);
        if (scan.ExceedsTokenLimit)
        {
            return ParseOutcome.TooManyTokens;
        }
        if (LibraryReportsErrorsSafely(text))
        {
            return ParseWithLibrary(text, text, scan.Tokens);
        }
        if (scan.Error is { } lexical)
        {
            return ParseOutcome.Failed(new LocatedSyntaxError(lexical.Description, text, lexical.Position));
        }
        var checkedGrammar = ParseWithLibrary(StandIn(text, scan.Tokens), text, scan.Tokens);
        return checkedGrammar.Document is null ? checkedGrammar : ParseWithLibrary(text, text, scan.Tokens);
    }

    /// <summary>
    /// Parses <paramref name="source"/>, which is <paramref name="document"/> itself or its stand-in; errors are
    /// reported at their place in <paramref name="document"/>.
    /// </summary>
    private ParseOutcome ParseWithLibrary(string source, string document, IReadOnlyList<TokenSpan> tokens)
    {
        try
        {
            return ParseOutcome.Parsed(documentBuilder.Build(source));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return ParseOutcome.TooDeep;
        }
        catch (SyntaxError error) when (ReferenceEquals(source, document))
        {
            return ParseOutcome.Failed(error);
        }
        catch (SyntaxError error) when (error.InnerException is GraphQLSyntaxErrorException syntax)
        {
            return ParseOutcome.Failed(new LocatedSyntaxError(syntax.Description, document, PositionInDocument(syntax.Location, document, tokens)));
        }
    }

    /// <summary>No line is long, and no carriage return is there to make the library's line count exceed its line list.</summary>
    private static bool LibraryReportsErrorsSafely(string text)
    {
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' || i - lineStart >= LongLine)
            {
                return false;
            }
            if (text[i] == '\n')
            {
                lineStart = i + 1;
            }
        }
        return true;
    }

    /// <summary>
    /// The document with each token on a line of its own, after an empty first line; strings, comments and
    /// numbers (already judged by the scanner) shrink to a minimal token of their kind, so every line is short.
    /// </summary>
    private static string StandIn(string text, IReadOnlyList<TokenSpan> tokens)
    {
        var standIn = new StringBuilder(text.Length / 4);
        foreach (var token in tokens)
        {
            standIn.Append('\n');
            _ = token.Kind switch
            {
                TokenKind.String => standIn.Append("\"\""),
                TokenKind.BlockString => standIn.Append("\"\"\"\"\"\""),
                TokenKind.Comment => standIn.Append('#'),
                TokenKind.Int => standIn.Append('0'),
                TokenKind.Float => standIn.Append("0.0"),
                TokenKind.Name when token.Length > LongLine => standIn.Append('_'), // no keyword is this long
                _ => standIn.Append(text, token.Start, token.Length),
            };
        }
        return standIn.ToString();
    }

    /// <summary>Line n + 2 of the stand-in holds token n; an error past the last token is at the document's end.</summary>
    private static int PositionInDocument(GraphQLParser.Location location, string document, IReadOnlyList<TokenSpan> tokens)
    {
        var index = location.Line - 2;
        return index >= 0 && index < tokens.Count && location.Column == 1 ? tokens[index].Start : document.Length;
    }
}

/// <summary>What <see cref="DocumentParser.Parse"/> made of a document: a syntax tree or the reason there is none.</summary>
public sealed record ParseOutcome(GraphQLDocument? Document, ExecutionError? Error, bool ExceedsTokenLimit, bool ExceedsParserDepth)
{
    public static readonly ParseOutcome TooManyTokens = new(null, null, ExceedsTokenLimit: true, ExceedsParserDepth: false);

    public static readonly ParseOutcome TooDeep = new(null, null, ExceedsTokenLimit: false, ExceedsParserDepth: true);

    public static ParseOutcome Parsed(GraphQLDocument document) => new(document, null, false, false);

    public static ParseOutcome Failed(ExecutionError error) => new(null, error, false, false);
}
