using GraphQL;
using GraphQL.Execution;

namespace GraphApi.Server.Execution.Parsing;

/// <summary>
/// A syntax error worded and coded as GraphQL.NET's <see cref="SyntaxError"/>, located at a position of the
/// document by a linear count instead of by GraphQL-Parser's exception (see <see cref="DocumentParser"/>).
/// </summary>
internal sealed class LocatedSyntaxError : DocumentError
{
    public LocatedSyntaxError(string description, string document, int position)
        : base($"Error parsing query: {description}")
    {
        Code = "SYNTAX_ERROR";
        var (line, column) = LineAndColumn(document, position);
        AddLocation(new GraphQLParser.Location(line, column));
    }

    /// <summary>
    /// 1-based, with <c>\r\n</c>, <c>\r</c> and <c>\n</c> each ending a line, as GraphQL-Parser counts (which
    /// leaves out a line break that is the document's last character).
    /// </summary>
    public static (int Line, int Column) LineAndColumn(string document, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < document.Length - 1; i++)
        {
            if (document[i] == '\n' || (document[i] == '\r' && (i + 1 >= document.Length || document[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, position - lineStart + 1);
    }
}
