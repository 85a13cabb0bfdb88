using System.Net;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Limits;

/// <summary>The limits of decisions.md hold on the real schema: a clear 400 before anything executes.</summary>
public sealed class RequestLimitTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task A_query_deeper_than_15_is_rejected_with_400()
    {
        // orders(1) > nodes(2) > customer(3) > orders(4) > nodes(5) > ... : nest until depth 16.
        var query = "{ orders { nodes { customer { orders { nodes { customer { orders { nodes { customer { orders { nodes { customer { orders { nodes { customer { orders { nodes { id } } } } } } } } } } } } } } } } }";

        var response = await fixture.Admin.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.NotEmpty(response.Errors);
    }

    [Fact]
    public async Task A_request_body_over_one_mebibyte_is_413()
    {
        var query = "{ products { totalCount } }" + new string(' ', 1_048_576);

        var response = await fixture.Anonymous.PostAsync(query);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task Too_many_field_selections_are_rejected_with_400()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 1001).Select(i => $"a{i}: __typename")) + " }";

        var response = await fixture.Anonymous.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Limits_answer_400_under_plain_application_json_too()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 51).Select(i => $"a{i}: __typename @include(if: true)")) + " }";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query }),
        };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await fixture.Factory.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MAX_DIRECTIVES_EXCEEDED", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_nesting_deeper_than_the_parser_allows_is_400_not_an_unexpected_error()
    {
        var where = string.Concat(Enumerable.Repeat("{ and: [", 300)) + "{}" + string.Concat(Enumerable.Repeat("] }", 300));

        var response = await fixture.Anonymous.PostAsync($"{{ products(where: {where}) {{ totalCount }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], response.ErrorCodes);
    }
}
