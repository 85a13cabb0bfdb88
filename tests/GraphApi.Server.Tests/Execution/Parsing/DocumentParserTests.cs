using GraphApi.Server.Execution.Parsing;
using GraphQL.Execution;
using GraphQLParser.Visitors;

namespace GraphApi.Server.Tests.Execution.Parsing;

/// <summary>
/// Documents GraphQL-Parser cannot report errors in cheaply (long lines) or at all (carriage returns) get the same
/// errors it gives where it can, at the same places, in linear time.
/// </summary>
public sealed class DocumentParserTests
{
    private static readonly DocumentParser Parser = new(new GraphQLDocumentBuilder());

    // Each template has one {pad}: a long string, name or number before the error pushes the error's column far right.
    [Theory]
    [InlineData("{ a(s: \"{pad}\") ) }")]
    [InlineData("{ a(s: \"{pad}\" }")]
    [InlineData("{ a(n: 1{pad}) } }")]
    [InlineData("{ {pad} { b } ")]
    [InlineData("{ a(s: \"\"\"{pad}\"\"\") }}")]
    [InlineData("query { a } # {pad}\n query")]
    [InlineData("{ a(s: \"{pad}\u0001\") }")]
    [InlineData("{ a(s: \"{pad}\\q\") }")]
    [InlineData("{ a(s: \"{pad}")]
    [InlineData("{ a(n: 1{pad}.x) }")]
    [InlineData("{ {pad} ~ }")]
    public void An_error_on_a_long_line_is_reported_as_the_library_reports_it_on_a_short_one(string template)
    {
        const int Short = 10;
        const int Long = 200_000;
        var expected = LibraryError(template.Replace("{pad}", Pad(template, Short)));

        var actual = Parser.Parse(template.Replace("{pad}", Pad(template, Long)), int.MaxValue).Error;

        Assert.NotNull(actual);
        Assert.Equal(expected.Message, actual.Message);
        var (line, column) = expected.Location;
        var shift = actual.Locations![0].Line == line && line == 1 ? Long - Short : 0;
        Assert.Equal((line, column + shift), (actual.Locations[0].Line, actual.Locations[0].Column));
        Assert.Equal("SYNTAX_ERROR", actual.Code);
    }

    [Theory]
    [InlineData("{ a }\r~", 2, 1)]
    [InlineData("{ a\r\n b\r c(s: \"x\r\") }", 3, 9)]
    [InlineData("\r\r{ a(n: 01) }", 3, 9)]
    public void An_error_after_a_carriage_return_is_reported_where_it_is(string text, int line, int column)
    {
        var error = Parser.Parse(text, int.MaxValue).Error;

        Assert.NotNull(error);
        Assert.Equal("SYNTAX_ERROR", error.Code);
        Assert.Equal((line, column), (error.Locations![0].Line, error.Locations[0].Column));
    }

    [Fact]
    public async Task A_one_megabyte_line_with_an_error_at_its_end_is_answered()
    {
        // The fuzzer's case 6745 had this shape; GraphQL-Parser alone spends minutes composing its error message.
        var text = "{ a(s: \"" + new string('x', 1_000_000) + "\u0001\") }";

        var outcome = await Task.Run(() => Parser.Parse(text, 15_000)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Error parsing query: Invalid character within String: \\u0001.", outcome.Error?.Message);
        Assert.Equal(1_000_009, outcome.Error!.Locations![0].Column);
    }

    [Theory]
    [InlineData("query Q($v: [Int!] = [1, -2.5e3]) { a(s: \"{pad}\", t: \"\"\"x\r\ny\"\"\") { ...F } } fragment F on T { b }")]
    [InlineData("{\r a(n: 1{pad}) \r\n b # {pad}\r c }")]
    [InlineData("{ {pad}: a }")]
    public void A_valid_document_parses_as_the_library_parses_it(string template)
    {
        var text = template.Replace("{pad}", Pad(template, 5_000));

        var outcome = Parser.Parse(text, int.MaxValue);

        Assert.Null(outcome.Error);
        Assert.Equal(Print(GraphQLParser.Parser.Parse(text)), Print(outcome.Document!));
    }

    [Fact]
    public void Nesting_past_the_parser_limit_on_a_long_line_is_reported_as_too_deep()
    {
        var text = "{ a(s: \"" + new string('x', 5_000) + "\", v: " + new string('[', 10_000) + new string(']', 10_000) + ") }";

        Assert.True(Parser.Parse(text, int.MaxValue).ExceedsParserDepth);
    }

    private static string Pad(string template, int length) =>
        template.Contains("1{pad}", StringComparison.Ordinal) ? new string('0', length) : new string('x', length);

    private static (string Message, (int Line, int Column) Location) LibraryError(string text)
    {
        var error = Assert.Throws<GraphQLParser.Exceptions.GraphQLSyntaxErrorException>(() => GraphQLParser.Parser.Parse(text));
        var wrapped = new SyntaxError(error);
        return (wrapped.Message, (error.Location.Line, error.Location.Column));
    }

    private static string Print(GraphQLParser.AST.ASTNode document)
    {
        var writer = new StringWriter();
        new SDLPrinter().PrintAsync(document, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString();
    }
}
