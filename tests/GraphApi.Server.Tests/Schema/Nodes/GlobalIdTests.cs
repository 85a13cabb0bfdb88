using System.Text;
using GraphApi.Server.Execution;
using GraphApi.Server.Schema.Nodes;
using GraphQL;

namespace GraphApi.Server.Tests.Schema.Nodes;

/// <summary>Global IDs in Hot Chocolate's format, and INVALID_ID for anything else.</summary>
public sealed class GlobalIdTests
{
    [Fact]
    public void Encodes_base64_of_type_and_key()
    {
        Assert.Equal("UHJvZHVjdDox", GlobalId.Encode("Product", 1));
        Assert.True(GlobalId.TryDecode("UHJvZHVjdDox", out var type, out var key));
        Assert.Equal(("Product", "1"), (type, key));
    }

    public static TheoryData<string, object, string> Keys => new()
    {
        { "Order", 42, "Order:42" },
        { "Order", -7L, "Order:-7" },
        { "Ledger", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), "Ledger:0f8fad5b-d9cb-469f-a165-70867728950e" },
        { "Price", 12.5m, "Price:12.5" },
        { "User", "alice", "User:alice" },             // a string key is not span-formattable: the fallback
        { "Ünïcode", 1, "Ünïcode:1" },                 // a type name of multi-byte characters
        { new string('T', 127), 1, new string('T', 127) + ":1" }, // too long for the stack buffer: the fallback
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_kind_of_key_encodes_as_the_base64_of_its_invariant_text(string typeName, object key, string text)
    {
        var id = GlobalId.Encode(typeName, key);

        Assert.Equal(Base64Of(text), id);
        Assert.True(GlobalId.TryDecode(id, out var decodedType, out var decodedKey));
        Assert.Equal(text, decodedType + ":" + decodedKey);
    }

    [Fact]
    public void Parses_the_key_of_the_expected_type() =>
        Assert.Equal(42, GlobalId.Parse<int>(GlobalId.Encode("Order", 42), "Order"));

    [Fact]
    public void An_id_of_512_characters_is_decoded_and_one_of_513_is_refused_unread()
    {
        var longest = Base64Of("User:" + new string('k', 379)); // 384 bytes → 512 base64 characters
        Assert.Equal(512, longest.Length);
        Assert.True(GlobalId.TryDecode(longest, out _, out var key));
        Assert.Equal(379, key.Length);

        Assert.False(GlobalId.TryDecode(longest + " ", out _, out _)); // base64 allows the space: only the length refuses it
    }

    public static TheoryData<string?> Malformed => new()
    {
        null,
        "",
        "!!nope!!",                              // not base64
        Convert.ToBase64String([0xC3, 0x28]),     // not UTF-8
        Base64Of("NoColon"),
        Base64Of(":1"),                           // no type
        Base64Of("Product:"),                     // no key
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_ids_do_not_decode(string? id)
    {
        Assert.False(GlobalId.TryDecode(id, out var type, out var key));
        Assert.Equal(("", ""), (type, key));
    }

    [Theory]
    [InlineData("UHJvZHVjdDox", "Order")]  // Product 1 where an Order is expected
    [InlineData("!!nope!!", "Order")]
    public void An_id_of_another_type_or_malformed_is_INVALID_ID(string id, string expectedType)
    {
        var error = Assert.Throws<ExecutionError>(() => GlobalId.Parse<int>(id, expectedType));

        Assert.Equal(ErrorCodes.InvalidId, error.Code);
        Assert.Equal($"The ID '{id}' is not a valid {expectedType} ID.", error.Message);
    }

    [Fact]
    public void A_key_that_does_not_parse_is_INVALID_ID() =>
        Assert.Equal(ErrorCodes.InvalidId, Assert.Throws<ExecutionError>(() => GlobalId.Parse<int>(Base64Of("Order:abc"), "Order")).Code);

    [Fact]
    public void The_message_quotes_at_most_64_characters_of_the_id()
    {
        var id = new string('x', 65);

        var error = GlobalId.Invalid(id, expectedType: null);

        Assert.Equal($"The ID '{new string('x', 64)}…' is not a valid ID.", error.Message);
        Assert.Equal("The ID '' is not a valid ID.", GlobalId.Invalid(null, null).Message);
    }

    private static string Base64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
