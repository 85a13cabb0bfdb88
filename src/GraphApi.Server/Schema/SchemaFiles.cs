namespace GraphApi.Server.Schema;

/// <summary>Reads the SDL files that are the schema's source of truth.</summary>
public static class SchemaFiles
{
    /// <summary>
    /// Concatenates every <c>*.graphql</c> file in <paramref name="directory"/>, ordered by file name so the
    /// printed schema is the same on every machine.
    /// </summary>
    public static string Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SchemaBindingException([$"Schema directory '{directory}' does not exist."]);
        }

        var files = Directory.GetFiles(directory, "*.graphql").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new SchemaBindingException([$"Schema directory '{directory}' holds no *.graphql files."]);
        }

        return string.Join("\n", files.Select(File.ReadAllText));
    }
}
