using System.Net;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Abuse;

/// <summary>
/// Malformed documents GraphQL-Parser cannot report on its own: an error far along a long line (its message costs
/// time quadratic in the column) and an error after a lone carriage return (it throws IndexOutOfRangeException,
/// which reached the error mask). Both are answered as syntax errors, at once.
/// </summary>
public sealed class MalformedDocumentTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task An_error_at_the_end_of_a_900_KB_line_is_a_syntax_error()
    {
        var query = "{ products(where: { name: { in: [\"" + new string('x', 900_000) + "\u0001\"] } }) { totalCount } }";

        var response = await fixture.Anonymous.PostAsync(query).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
        Assert.Equal("Error parsing query: Invalid character within String: \\u0001.", response.Errors[0]?["message"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("{ products(first: 1) { totalCount } }\r~")]
    [InlineData("{\r  products(first: 1) {\r    totalCount\r  }\r}\r}")]
    public async Task An_error_after_a_carriage_return_is_a_syntax_error(string query)
    {
        var response = await fixture.Anonymous.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_document_with_carriage_returns_still_runs()
    {
        var response = await fixture.Anonymous.PostAsync("{\r  products(first: 1) {\r    totalCount\r  }\r}");

        response.AssertNoErrors();
    }
}
