using GraphQLParser;
using GraphQLParser.Exceptions;

namespace GraphApi.Server.Execution.Limits;

/// <summary>Counts a document's tokens with GraphQL-Parser's lexer, without building any syntax tree.</summary>
internal static class TokenCounter
{
    /// <summary>
    /// True when <paramref name="text"/> has more than <paramref name="maxTokens"/> tokens; lexing stops at the
    /// first token over the limit, so a huge document costs no more than the limit.
    /// </summary>
    public static bool Exceeds(string text, int maxTokens)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(text, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return false;
                }

                if (++count > maxTokens)
                {
                    return true;
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // Fewer tokens than the limit precede the error: the parser reports it the usual way.
            return false;
        }
    }
}
