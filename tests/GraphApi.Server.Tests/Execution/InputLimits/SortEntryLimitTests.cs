using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

public sealed class SortEntryLimitTests : IDisposable
{
    private readonly ShelfServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(10, false)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(11, true)]
    public async Task An_order_holds_at_most_10_entries(int entries, bool asVariable)
    {
        var (query, variables) = InputText.Request("widgets", "order", "[WidgetSortInput!]", Order(entries), asVariable);

        var result = await _server.ExecuteAsync(query, variables);

        if (entries <= 10)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, "MaxSortEntries", "order");
        Assert.Equal("The argument 'order' of Query.widgets has 11 entries, over the maximum of 10 (MaxSortEntries).", error.Message);
        Assert.Equal(0, _server.Calls.Count);
    }

    [Fact]
    public async Task An_oversized_variable_is_refused_before_graphql_dotnet_coerces_it()
    {
        // An 11th entry that would not even coerce: the size check on the raw variable answers first.
        var order = Order(10).Append(Obj(("name", new EnumValue("SIDEWAYS")))).ToArray();

        var result = await _server.ExecuteAsync(
            "query($o: [WidgetSortInput!]) { widgets(order: $o) { nodes { id } } }", $"{{\"o\": {InputText.Json(order)}}}");

        AssertRefused(result, "MaxSortEntries", "order");
    }

    [Fact]
    public async Task A_literal_order_is_measured_when_the_request_has_variables_too()
    {
        var query = "query($o: [WidgetSortInput!]) { a: widgets(order: $o) { nodes { id } } b: widgets(order: "
            + InputText.Literal(Order(11)) + ") { nodes { id } } }";

        // Twice: the second request is a document-cache hit.
        for (var i = 0; i < 2; i++)
        {
            AssertRefused(await _server.ExecuteAsync(query, $"{{\"o\": {InputText.Json(Order(1))}}}"), "MaxSortEntries", "order");
        }
    }

    [Fact]
    public async Task A_default_value_in_the_document_is_measured_like_a_literal()
    {
        var query = "query($o: [WidgetSortInput!] = " + InputText.Literal(Order(11)) + ", $n: Int) { widgets(order: $o, first: $n) { nodes { id } } }";

        for (var i = 0; i < 2; i++)
        {
            AssertRefused(await _server.ExecuteAsync(query, "{\"n\": 1}"), "MaxSortEntries", "order");
        }
    }

    [Fact]
    public async Task Within_the_limit_coercion_errors_are_reported_as_usual()
    {
        var order = Order(9).Append(Obj(("name", new EnumValue("SIDEWAYS")))).ToArray();

        var result = await _server.ExecuteAsync(
            "query($o: [WidgetSortInput!]) { widgets(order: $o) { nodes { id } } }", $"{{\"o\": {InputText.Json(order)}}}");

        Assert.False(result.Executed);
        Assert.DoesNotContain(result.Errors!, error => error.Code == "INPUT_LIMIT_EXCEEDED");
    }
}
