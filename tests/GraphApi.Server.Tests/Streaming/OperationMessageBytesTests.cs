using System.Text;
using GraphApi.Server.Streaming;
using GraphApi.Server.WebSockets;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;

namespace GraphApi.Server.Tests.Streaming;

/// <summary>A shared result spliced into a socket's envelope is byte for byte what serializing the whole message writes.</summary>
public sealed class OperationMessageBytesTests
{
    [Theory]
    [InlineData("next", "1")]
    [InlineData("data", "with \"quotes\", <html> & ünïcode")]
    [InlineData("next", null)]
    public void A_shared_payload_spliced_into_the_envelope_equals_the_serialized_message(string type, string? id)
    {
        var serializer = new GraphQLSerializer();
        var result = new ExecutionResult
        {
            Executed = true,
            Data = new Dictionary<string, object?> { ["text"] = "a \"b\" <c> ü", ["number"] = 1.5m },
        };
        SharedResults.Register(result);
        var message = new OperationMessage { Type = type, Id = id, Payload = result };

        Assert.Equal(serializer.Serialize(message), Text(message, serializer));
    }

    [Fact]
    public void The_envelope_kept_for_one_operation_is_not_reused_for_another_or_another_type()
    {
        var serializer = new GraphQLSerializer();
        var result = new ExecutionResult { Executed = true, Data = new Dictionary<string, object?> { ["n"] = 1 } };
        SharedResults.Register(result);
        var envelope = default(EnvelopePrefix);
        OperationMessage[] messages =
        [
            new() { Type = "next", Id = "1", Payload = result },
            new() { Type = "next", Id = "1", Payload = result },
            new() { Type = "next", Id = "2", Payload = result },
            new() { Type = "data", Id = "2", Payload = result },
            new() { Type = "data", Id = null, Payload = result },
        ];

        foreach (var message in messages)
        {
            var bytes = OperationMessageBytes.Of(message, serializer, ref envelope);
            Assert.Equal(serializer.Serialize(message), Encoding.UTF8.GetString(bytes.Memory.Span));
            bytes.Release();
        }
    }

    [Fact]
    public void A_result_that_is_not_shared_is_serialized_whole()
    {
        var serializer = new GraphQLSerializer();
        var message = new OperationMessage { Type = "next", Id = "1", Payload = new ExecutionResult { Executed = true, Data = new Dictionary<string, object?> { ["a"] = 1 } } };

        Assert.Null(SharedResults.Utf8((ExecutionResult)message.Payload, serializer));
        Assert.Equal(serializer.Serialize(message), Text(message, serializer));
    }

    private static string Text(OperationMessage message, GraphQLSerializer serializer)
    {
        var envelope = default(EnvelopePrefix);
        var bytes = OperationMessageBytes.Of(message, serializer, ref envelope);
        try
        {
            return Encoding.UTF8.GetString(bytes.Memory.Span);
        }
        finally
        {
            bytes.Release();
        }
    }
}
