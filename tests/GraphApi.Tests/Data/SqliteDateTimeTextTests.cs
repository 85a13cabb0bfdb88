using System.Globalization;
using GraphApi.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphApi.Tests.Data;

public sealed class SqliteDateTimeTextTests
{
    public static TheoryData<DateTime> Values => new()
    {
        new DateTime(2026, 11, 30, 2, 25, 7, DateTimeKind.Utc),
        new DateTime(2026, 11, 30, 2, 25, 7, 123, DateTimeKind.Utc),
        new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9_999),
        new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void The_stored_text_is_what_microsoft_data_sqlite_writes_for_a_date_time(DateTime value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT @value";
        command.Parameters.AddWithValue("@value", value);

        Assert.Equal((string)command.ExecuteScalar()!, SqliteDateTimeText.Format(value));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Stored_text_reads_back_to_the_same_utc_instant(DateTime value)
    {
        var read = SqliteDateTimeText.Parse(SqliteDateTimeText.Format(value));

        Assert.Equal(value, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Theory]
    [InlineData("2026-11-30 02:25:07")]
    [InlineData("2026-11-30 02:25:07.1")]
    [InlineData("2026-11-30 02:25:07.1234567")]
    public void The_stored_form_is_read_without_the_general_parser_and_agrees_with_it(string text)
    {
        Assert.True(SqliteDateTimeText.TryParseStored(text, out var fast));
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), fast);
    }

    [Theory]
    [InlineData("2026-11-30T02:25:07Z")]
    [InlineData("2026-11-30")]
    [InlineData("2026-11-30 02:25:07.")]
    [InlineData("2026-11-30 02:25:07.12345678")]
    [InlineData("2026-02-30 02:25:07")]
    [InlineData("2026-11-30 24:00:00")]
    public void Other_text_goes_to_the_general_parser(string text)
    {
        Assert.False(SqliteDateTimeText.TryParseStored(text, out _));
    }

    [Fact]
    public void Text_another_tool_wrote_still_reads_as_utc()
    {
        var read = SqliteDateTimeText.Parse("2026-11-30T02:25:07");

        Assert.Equal(new DateTime(2026, 11, 30, 2, 25, 7, DateTimeKind.Utc), read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }
}
