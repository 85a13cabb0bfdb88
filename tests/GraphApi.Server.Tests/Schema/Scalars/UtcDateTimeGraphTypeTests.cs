using GraphApi.Server.Schema.Scalars;
using GraphQL;
using GraphQLParser.AST;

namespace GraphApi.Server.Tests.Schema.Scalars;

/// <summary>The DateTime scalar: UTC with exactly millisecond precision out, any offset in.</summary>
public sealed class UtcDateTimeGraphTypeTests
{
    private static readonly UtcDateTimeGraphType Scalar = new();

    public static TheoryData<object?, string?> Outputs => new()
    {
        { null, null },
        { new DateTime(2026, 11, 26, 12, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), "2026-11-26T12:00:00.123Z" },
        { new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Unspecified), "2026-11-26T12:00:00.000Z" }, // stored UTC
        { new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.FromHours(2)), "2026-11-26T12:30:00.000Z" },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Serializes_utc_with_milliseconds_and_z(object? value, string? expected) =>
        Assert.Equal(expected, Scalar.Serialize(value));

    [Fact]
    public void A_local_time_is_converted_to_utc_before_printing()
    {
        var local = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Local);

        Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), Scalar.Serialize(local));
    }

    [Fact]
    public void A_value_that_is_no_time_cannot_be_serialized() =>
        Assert.ThrowsAny<InvalidOperationException>(() => Scalar.Serialize(42));

    [Theory]
    [InlineData("2026-11-26T12:00:00Z", "2026-11-26T12:00:00.000Z")]
    [InlineData("2026-11-26T14:00:00.5+02:00", "2026-11-26T12:00:00.500Z")]
    [InlineData("2026-11-26T12:00:00", "2026-11-26T12:00:00.000Z")] // no offset: UTC is assumed
    public void Variables_in_any_offset_become_utc(string input, string expected)
    {
        var parsed = Assert.IsType<DateTime>(Scalar.ParseValue(input));

        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.Equal(expected, Scalar.Serialize(parsed));
    }

    [Fact]
    public void Variables_already_typed_as_times_become_utc()
    {
        var offset = new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc), Scalar.ParseValue(offset));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)Scalar.ParseValue(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))!).Kind);
        Assert.Null(Scalar.ParseValue(null));
    }

    [Theory]
    [InlineData("2026-11-26")] // a date alone is not a DateTime
    [InlineData("yesterday")]
    [InlineData("")]
    public void Text_that_is_not_a_date_time_is_refused(string input)
    {
        Assert.ThrowsAny<InvalidOperationException>(() => Scalar.ParseValue(input));
        Assert.False(Scalar.CanParseLiteral(new GraphQLStringValue(input)));
        Assert.ThrowsAny<InvalidOperationException>(() => Scalar.ParseLiteral(new GraphQLStringValue(input)));
    }

    [Fact]
    public void A_variable_of_another_type_is_refused() =>
        Assert.ThrowsAny<InvalidOperationException>(() => Scalar.ParseValue(12.5));

    [Fact]
    public void Literals_are_strings_or_null()
    {
        Assert.True(Scalar.CanParseLiteral(new GraphQLStringValue("2026-11-26T12:00:00Z")));
        Assert.Equal(new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc), Scalar.ParseLiteral(new GraphQLStringValue("2026-11-26T12:00:00Z")));
        Assert.True(Scalar.CanParseLiteral(new GraphQLNullValue()));
        Assert.Null(Scalar.ParseLiteral(new GraphQLNullValue()));
        Assert.False(Scalar.CanParseLiteral(new GraphQLIntValue(1)));
        Assert.ThrowsAny<InvalidOperationException>(() => Scalar.ParseLiteral(new GraphQLIntValue(1)));
    }
}
