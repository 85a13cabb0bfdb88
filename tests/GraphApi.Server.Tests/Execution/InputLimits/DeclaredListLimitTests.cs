using GraphApi.Server.Execution.InputLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static GraphApi.Server.Tests.Execution.InputLimits.LimitInputs;

namespace GraphApi.Server.Tests.Execution.InputLimits;

/// <summary>A list limit an app declares with <c>AddInputListLimit</c> (as placeOrder's items), and its validation.</summary>
public sealed class DeclaredListLimitTests
{
    private static (string Query, string? Variables) Pack(int lines, bool asVariable) => InputText.Request(
        "pack", "input", "PackInput!", Obj(("lines", Enumerable.Range(0, lines).Select(i => $"line {i}").ToArray())),
        asVariable, selection: "", operation: "mutation");

    [Theory]
    [InlineData(1_000, false)]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    [InlineData(1_001, true)]
    public async Task A_declared_list_holds_at_most_its_maximum(int lines, bool asVariable)
    {
        using var server = new ShelfServer(packLines: 1_000);
        var (query, variables) = Pack(lines, asVariable);

        var result = await server.ExecuteAsync(query, variables);

        if (lines <= 1_000)
        {
            AssertServed(result);
            return;
        }

        var error = AssertRefused(result, $"MaxListLengths[{ShelfServer.PackLines}]", "input.lines");
        Assert.Equal(
            $"The argument 'input.lines' of Mutation.pack has 1,001 entries, over the maximum of 1,000 (MaxListLengths[{ShelfServer.PackLines}]).",
            error.Message);
        Assert.Equal(0, server.Calls.Count);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public async Task A_variable_inside_an_input_object_literal_is_measured_too(int lines, bool allowed)
    {
        using var server = new ShelfServer(packLines: 1_000);
        var variables = $"{{\"lines\": {InputText.Json(Enumerable.Range(0, lines).Select(i => $"line {i}").ToArray())}}}";

        var result = await server.ExecuteAsync("mutation($lines: [String!]!) { pack(input: { lines: $lines }) }", variables);

        if (allowed)
        {
            AssertServed(result);
        }
        else
        {
            AssertRefused(result, $"MaxListLengths[{ShelfServer.PackLines}]", "input.lines");
        }
    }

    [Fact]
    public async Task Configuration_overrides_the_declared_maximum_whichever_comes_first()
    {
        using var server = new ShelfServer(limits => limits.MaxListLengths[ShelfServer.PackLines.ToUpperInvariant()] = 3, packLines: 1_000);

        AssertServed(await server.ExecuteAsync(Pack(3, asVariable: true).Query, Pack(3, asVariable: true).Variables));
        AssertRefused(await server.ExecuteAsync(Pack(4, asVariable: true).Query, Pack(4, asVariable: true).Variables),
            $"MaxListLengths[{ShelfServer.PackLines}]", "input.lines");
    }

    [Fact]
    public async Task Without_a_declaration_the_list_is_not_limited()
    {
        using var server = new ShelfServer();
        var (query, variables) = Pack(5_000, asVariable: true);

        AssertServed(await server.ExecuteAsync(query, variables));
    }

    [Theory]
    [InlineData("Mutation.pack.input", "does not end at a list")]
    [InlineData("Mutation.pack.input.boxes", "'boxes' is not a field")]
    [InlineData("Mutation.unpack.input.lines", "Mutation has no field 'unpack'")]
    [InlineData("Mutation.pack.lines", "Mutation.pack has no argument 'lines'")]
    [InlineData("Cart.pack.input.lines", "no object or interface type 'Cart'")]
    [InlineData("Mutation.pack", "expected Type.field.argument")]
    public void A_declared_limit_the_schema_does_not_have_is_refused_with_a_clear_message(string path, string problem)
    {
        using var server = new ShelfServer(limits => limits.MaxListLengths[path] = 10);

        var error = Assert.Throws<OptionsValidationException>(() => server.Services.GetRequiredService<IOptions<InputLimitsOptions>>().Value);

        Assert.Contains($"MaxListLengths[{path}]", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_fails_on_a_declared_limit_the_schema_does_not_have()
    {
        using var server = new ShelfServer(packLines: 1_000, limits: limits => limits.MaxListLengths["Mutation.pack.input.boxes"] = 5);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(server.StartAsync);

        Assert.Contains("MaxListLengths[Mutation.pack.input.boxes]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_limit_must_be_at_least_one()
    {
        using var server = new ShelfServer(limits => limits.MaxFilterNodes = 0);

        var error = Assert.Throws<OptionsValidationException>(() => server.Services.GetRequiredService<IOptions<InputLimitsOptions>>().Value);

        Assert.Contains("MaxFilterNodes must be at least 1; it is 0.", error.Message, StringComparison.Ordinal);
    }
}
