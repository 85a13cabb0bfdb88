using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.PersistedOperations;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Server.Http;

/// <summary>
/// Turns a GET query string or a POST JSON body into a <see cref="GraphQLRequest"/>, or into an
/// <see cref="HttpRequestError"/> that says precisely what is wrong with it.
/// </summary>
internal sealed class GraphQLHttpRequestParser(IGraphQLTextSerializer serializer, IOptions<GraphQLServerOptions> options)
{
    public (GraphQLRequest? Request, HttpRequestError? Error) ParseGet(HttpRequest request)
    {
        // Kestrel bounds the request line, but not every host does: a GET carries no more than a POST may.
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.QueryString.Value?.Length > limit)
        {
            return (null, new HttpRequestError(
                StatusCodes.Status414UriTooLong,
                ErrorCodes.RequestTooLarge,
                $"The query string is longer than the limit of {limit} bytes; send large requests with POST."));
        }

        var query = request.Query;
        var document = Single(query, "query");
        var documentId = Single(query, "documentId") is { Length: > 0 } id ? id : Single(query, "id");

        var variables = ParseJsonParameter<Inputs>(Single(query, "variables"), "variables", out var variablesError);
        if (variablesError is not null)
        {
            return (null, variablesError);
        }

        var extensions = ParseJsonParameter<Inputs>(Single(query, "extensions"), "extensions", out var extensionsError);
        if (extensionsError is not null)
        {
            return (null, extensionsError);
        }

        var operationName = Single(query, "operationName");
        return Complete(
            new GraphQLRequest
            {
                Query = string.IsNullOrEmpty(document) ? null : document,
                OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
                Variables = variables,
                Extensions = extensions,
            },
            string.IsNullOrEmpty(documentId) ? null : documentId,
            "The 'query' parameter is missing.");
    }

    public async Task<(GraphQLRequest? Request, HttpRequestError? Error)> ParsePostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJsonContentType(request.ContentType))
        {
            return (null, new HttpRequestError(
                StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.UnsupportedMediaType,
                $"Unsupported Content-Type '{request.ContentType}'; use '{GraphQLMediaTypes.Json}'."));
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        // The usual small body has arrived whole by the first read: parse it where it lies, without a copy.
        var reader = request.BodyReader;
        var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (read.IsCompleted && read.Buffer.Length <= limit)
        {
            try
            {
                return Parse(read.Buffer);
            }
            finally
            {
                reader.AdvanceTo(read.Buffer.End);
            }
        }

        var (gathered, length) = await GatherAsync(reader, read, limit, cancellationToken).ConfigureAwait(false);
        if (gathered is null)
        {
            return (null, TooLarge(limit));
        }

        try
        {
            return Parse(new ReadOnlySequence<byte>(gathered, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(gathered);
        }
    }

    private (GraphQLRequest? Request, HttpRequestError? Error) Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, new HttpRequestError(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body is empty."));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, new HttpRequestError(
                StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"The request body is not valid JSON: {ex.Message}"));
        }

        using (json)
        {
            return ParseBody(json.RootElement);
        }
    }

    private (GraphQLRequest? Request, HttpRequestError? Error) ParseBody(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (null, new HttpRequestError(
                StatusCodes.Status400BadRequest, ErrorCodes.BatchingNotSupported, "Batched requests (a JSON array) are not supported."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The request body must be a JSON object.");
        }

        if (root.TryGetProperty("query", out var query) && query.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return Invalid("The 'query' property must be a string.");
        }

        var documentId = RequestDocumentSource.ReadId(root, out var idError);
        if (idError is not null)
        {
            return Invalid(idError);
        }

        if (root.TryGetProperty("operationName", out var operationName)
            && operationName.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return Invalid("The 'operationName' property must be a string or null.");
        }

        foreach (var name in (string[])["variables", "extensions"])
        {
            if (root.TryGetProperty(name, out var map) && map.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return Invalid($"The '{name}' property must be an object or null.");
            }
        }

        return Complete(serializer.ReadNode<GraphQLRequest>(root)!, documentId, "The 'query' property is missing.");
    }

    /// <summary>A request names its document by text, by <c>documentId</c>/<c>id</c>, or by an automatic persisted query hash.</summary>
    private static (GraphQLRequest? Request, HttpRequestError? Error) Complete(GraphQLRequest request, string? documentId, string missingMessage)
    {
        if (!RequestDocumentSource.HasDocument(request, documentId, out var error))
        {
            return Invalid(error ?? missingMessage);
        }

        return (request, null);
    }

    private T? ParseJsonParameter<T>(string? value, string name, out HttpRequestError? error)
    {
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            return default;
        }

        try
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.ValueKind == JsonValueKind.Null)
            {
                return default;
            }

            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = InvalidError($"The '{name}' parameter must be a JSON object.");
                return default;
            }

            return serializer.ReadNode<T>(json.RootElement);
        }
        catch (JsonException ex)
        {
            error = InvalidError($"The '{name}' parameter is not valid JSON: {ex.Message}");
            return default;
        }
    }

    /// <summary>
    /// Copies a body that arrives in parts into a pooled array, consuming the pipe as it goes (a pipe that is only
    /// examined stops accepting data at its buffer threshold). Null when the body exceeds <paramref name="limit"/>;
    /// the rest is then never read.
    /// </summary>
    private static async Task<(byte[]? Rented, int Length)> GatherAsync(
        PipeReader reader, ReadResult read, long limit, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(read.Buffer.Length * 2, 16 * 1024), limit + 1));
        var length = 0;
        while (true)
        {
            var buffer = read.Buffer;
            if (length + buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                ArrayPool<byte>.Shared.Return(rented);
                return (null, 0);
            }

            if (length + buffer.Length > rented.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(rented.Length * 2L, length + buffer.Length), limit + 1));
                rented.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(rented);
                rented = larger;
            }

            buffer.CopyTo(rented.AsSpan(length));
            length += (int)buffer.Length;
            reader.AdvanceTo(buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                return (rented, length);
            }

            read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Any charset parameter is accepted; the body is read as UTF-8 (JSON's only interoperable encoding).
    private static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase);

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static HttpRequestError TooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"The request body exceeds the limit of {limit} bytes.");

    private static HttpRequestError InvalidError(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message);

    private static (GraphQLRequest?, HttpRequestError?) Invalid(string message) => (null, InvalidError(message));
}
