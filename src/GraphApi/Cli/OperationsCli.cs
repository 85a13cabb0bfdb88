using System.Text.Json;
using GraphApi.Server.Execution.PersistedOperations;
using GraphQL.Types;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GraphApi.Cli;

/// <summary>
/// <c>operations add &lt;files or globs&gt; [--output dir]</c> validates documents against the served schema and writes
/// each as <c>&lt;sha256&gt;.graphql</c> (the trusted-documents directory the server reads from
/// <c>GraphQL:PersistedOperations:Directory</c>); <c>operations check &lt;dir or manifest&gt;</c> validates every
/// persisted document against the current schema, so a schema change that breaks a shipped client fails CI.
/// Neither starts the web server.
/// </summary>
internal static class OperationsCli
{
    public const string DefaultOutput = "persisted-operations";

    public const int Success = 0;
    public const int InvalidDocuments = 1;
    public const int UsageError = 2;
    public const int SchemaUnavailable = 3;

    private const string Usage =
        "Usage: operations add <files or globs>... [--output <dir>]   (default output: " + DefaultOutput + ")\n" +
        "       operations check <dir or manifest.json>\n" +
        "Relative paths resolve against the working directory (under `dotnet run`, the project folder).";

    /// <summary>True when the command line asks for this tool (its first word is <c>operations</c>).</summary>
    public static bool Handles(string[] args) => args is ["operations", ..];

    /// <param name="args">The full command line, starting with <c>operations</c>.</param>
    /// <param name="withSchema">Runs its argument on the schema; <see cref="ServedSchema.Use{T}"/> outside tests.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Func<ISchema, int>, int>? withSchema = null)
    {
        withSchema ??= ServedSchema.Use;
        try
        {
            switch (args)
            {
                case ["operations", "add", .. var rest] when ParseAdd(rest) is ({ Count: > 0 } patterns, var outputDirectory):
                    return Add(patterns, outputDirectory, withSchema, output, error);
                case ["operations", "check", var source]:
                    return Check(source, withSchema, output, error);
                default:
                    error.WriteLine(Usage);
                    return UsageError;
            }
        }
        catch (Exception failure) when (failure is InvalidOperationException or GraphApi.Server.Schema.SchemaBindingException)
        {
            error.WriteLine($"Cannot build the schema: {failure.Message}");
            return SchemaUnavailable;
        }
    }

    private static (List<string> Patterns, string Output) ParseAdd(string[] rest)
    {
        var patterns = new List<string>();
        var outputDirectory = DefaultOutput;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is "--output" or "-o")
            {
                if (i + 1 >= rest.Length)
                {
                    return ([], outputDirectory);
                }

                outputDirectory = rest[++i];
            }
            else
            {
                patterns.Add(rest[i]);
            }
        }

        return (patterns, outputDirectory);
    }

    private static int Add(List<string> patterns, string outputDirectory, Func<Func<ISchema, int>, int> withSchema, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        foreach (var pattern in patterns)
        {
            var matched = Expand(pattern);
            if (matched.Count == 0)
            {
                error.WriteLine($"No file matches '{pattern}'.");
                return UsageError;
            }

            files.AddRange(matched);
        }

        var documents = files.Distinct(StringComparer.Ordinal).Select(file => (Name: file, Text: File.ReadAllText(file))).ToList();
        return withSchema(schema =>
        {
            // All or nothing: an invalid document must not leave a half-written directory behind.
            if (Report(schema, documents, error) > 0)
            {
                error.WriteLine("Nothing was written.");
                return InvalidDocuments;
            }

            Directory.CreateDirectory(outputDirectory);
            foreach (var (name, text) in documents)
            {
                var hash = DocumentHash.Of(text);
                File.WriteAllText(Path.Combine(outputDirectory, hash + ".graphql"), text);
                output.WriteLine($"{hash}  {name}");
            }

            output.WriteLine($"Wrote {documents.Count} persisted operation(s) to {Path.GetFullPath(outputDirectory)}.");
            return Success;
        });
    }

    private static int Check(string source, Func<Func<ISchema, int>, int> withSchema, TextWriter output, TextWriter error)
    {
        List<(string Name, string Text)> documents;
        var misnamed = new List<string>();
        if (Directory.Exists(source))
        {
            documents = [];
            foreach (var file in Directory.GetFiles(source, "*.graphql").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (DocumentHash.Of(text) != Path.GetFileNameWithoutExtension(file).ToLowerInvariant())
                {
                    misnamed.Add(file);
                }

                documents.Add((file, text));
            }
        }
        else if (File.Exists(source))
        {
            try
            {
                documents = [.. ReadManifest(source)];
            }
            catch (JsonException failure)
            {
                error.WriteLine($"'{source}' is not a manifest (a JSON object of hash to document text): {failure.Message}");
                return UsageError;
            }
        }
        else
        {
            error.WriteLine($"'{source}' is neither a directory nor a manifest file.");
            return UsageError;
        }

        return withSchema(schema =>
        {
            var invalid = Report(schema, documents, error);
            foreach (var file in misnamed)
            {
                error.WriteLine($"{file}: its text does not hash to its name (the server will not serve it); add it again with 'operations add'.");
            }

            if (invalid + misnamed.Count > 0)
            {
                error.WriteLine($"{invalid + misnamed.Count} of {documents.Count} persisted operation(s) are invalid against the current schema.");
                return InvalidDocuments;
            }

            output.WriteLine($"All {documents.Count} persisted operation(s) are valid against the current schema.");
            return Success;
        });
    }

    /// <summary>Writes each invalid document with its problems; returns how many were invalid.</summary>
    private static int Report(ISchema schema, List<(string Name, string Text)> documents, TextWriter error)
    {
        var invalid = 0;
        foreach (var (name, text) in documents)
        {
            var problems = OperationValidator.Problems(schema, text);
            if (problems.Count == 0)
            {
                continue;
            }

            invalid++;
            error.WriteLine($"{name} is invalid:");
            foreach (var problem in problems)
            {
                error.WriteLine($"  - {problem}");
            }
        }

        return invalid;
    }

    private static IEnumerable<(string Name, string Text)> ReadManifest(string path)
    {
        using var stream = File.OpenRead(path);
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? throw new JsonException("The manifest is null.");
        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => ($"{path} [{e.Key}]", e.Value)).ToList();
    }

    /// <summary>A file, or a glob (<c>*</c>, <c>?</c>, <c>**</c>) for when the shell did not expand it, in name order.</summary>
    private static List<string> Expand(string pattern)
    {
        if (File.Exists(pattern))
        {
            return [pattern];
        }

        if (pattern.IndexOfAny(['*', '?']) < 0)
        {
            return [];
        }

        // The part before the first wildcard segment is the root the matcher walks.
        var segments = pattern.Replace('\\', '/').Split('/');
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = firstWild == 0 ? "." : string.Join('/', segments[..firstWild]);
        if (root.Length == 0)
        {
            root = "/";
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[firstWild..]));
        return matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
    }
}
