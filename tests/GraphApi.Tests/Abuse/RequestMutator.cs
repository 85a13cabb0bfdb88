using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Abuse;

/// <summary>
/// Damages requests the way broken clients and attackers do: cut, repeated or scrambled document text, bodies that
/// are not JSON or have the wrong shapes, odd methods and parameters. Seeded like <see cref="OperationGenerator"/>.
/// </summary>
internal sealed class RequestMutator(Random random)
{
    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", "...", "$", "@include(if: true)", "@skip(if: $x)", "fragment F on Query { __typename }",
        "...F", "\"", "\"\"\"", "#", "\\u0000", "query", "mutation", "subscription", ":", "!", "=", "__schema { types { name } }",
        "__type(name: \"Order\") { fields { name } }", "node(id: \"UHJvZHVjdDox\") { id }", "\u00e9", "\t", "\n", "\r", "\r\n",
    ];

    /// <summary>The document text with one to three damages.</summary>
    public string Text(string query)
    {
        var text = query;
        for (var i = 1 + random.Next(3); i > 0; i--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(5) switch
            {
                0 => text[..at],
                1 => text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(12))),
                2 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                3 => text.Insert(at, text[at..Math.Min(text.Length, at + random.Next(40))]),
                _ => text.Length == 0 ? text : text.Remove(at == text.Length ? at - 1 : at, 1)
                    .Insert(at == text.Length ? at - 1 : at, ((char)random.Next(32, 127)).ToString()),
            };
        }
        return text;
    }

    /// <summary>A POST body that is malformed JSON or a GraphQL-over-HTTP request of the wrong shape.</summary>
    public string Body(string query, JsonObject? variables)
    {
        switch (random.Next(10))
        {
            case 0:
                var json = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString();
                return json[..random.Next(json.Length)];
            case 1:
                return "[" + new JsonObject { ["query"] = query }.ToJsonString() + "]";
            case 2:
                return new JsonObject { ["query"] = random.Next(2) == 0 ? 42 : new JsonArray(query) }.ToJsonString();
            case 3:
                return new JsonObject { ["query"] = query, ["variables"] = random.Next(2) == 0 ? "[]" : new JsonArray(1) }.ToJsonString();
            case 4:
                return new JsonObject { ["query"] = query, ["operationName"] = random.Next(2) == 0 ? 7 : "Missing" }.ToJsonString();
            case 5:
                return new JsonObject { ["query"] = query, ["extensions"] = random.Next(2) == 0 ? "x" : new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = "one" } } }.ToJsonString();
            case 6:
                return new JsonObject { ["documentId"] = random.Next(2) == 0 ? "sha256:" + new string('a', 64) : "" }.ToJsonString();
            case 7:
                return Encoding.UTF8.GetString([.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256))]);
            case 8:
                return new string('[', 5_000) + new string(']', 5_000);
            default:
                return "{\"query\":" + new string('{', 2_000) + "}";
        }
    }
}
