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

        var spliced = Encoding.UTF8.GetString(OperationMessageBytes.Of(message, serializer));

        Assert.Equal(serializer.Serialize(message), spliced);
    }

    [Fact]
    public void A_result_that_is_not_shared_is_serialized_whole()
    {
        var serializer = new GraphQLSerializer();
        var message = new OperationMessage { Type = "next", Id = "1", Payload = new ExecutionResult { Executed = true, Data = new Dictionary<string, object?> { ["a"] = 1 } } };

        Assert.Null(SharedResults.Utf8((ExecutionResult)message.Payload, serializer));
        Assert.Equal(serializer.Serialize(message), Encoding.UTF8.GetString(OperationMessageBytes.Of(message, serializer)));
    }
}
