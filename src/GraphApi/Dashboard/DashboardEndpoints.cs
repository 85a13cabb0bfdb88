namespace GraphApi.Dashboard;

/// <summary>
/// Serves the admin dashboard sample (<c>samples/dashboard</c>, copied into the output's <c>dashboard</c> folder)
/// at <see cref="Path"/>: the page itself there, and its sibling scripts and styles beneath it.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>Where the page is served; its own links use this absolute path, so it is fixed.</summary>
    public const string Path = "/dashboard";

    private const string Page = "index.html";

    // Only what a browser needs: no other file of the folder (a README, say) is ever served.
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    // The page talks only to its own origin (fetch and WebSocket), runs only its own files.
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Maps <c>GET /dashboard</c> (the page) and <c>GET /dashboard/{file}</c> (its .js and .css files) to the
    /// files in <paramref name="directory"/> (default: the <c>dashboard</c> folder beside the application).
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints, string? directory = null)
    {
        var files = ServableFiles(directory ?? System.IO.Path.Combine(AppContext.BaseDirectory, "dashboard"));
        endpoints.MapGet(Path, (HttpContext context) => Serve(context, files, Page));
        endpoints.MapGet(Path + "/{file}", (HttpContext context, string file) => Serve(context, files, file));
        return endpoints;
    }

    // Listed once at start-up: a request names a key of this map, never a path on disk.
    private static Dictionary<string, string> ServableFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(path => ContentTypes.ContainsKey(System.IO.Path.GetExtension(path)))
                .ToDictionary(path => System.IO.Path.GetFileName(path), StringComparer.Ordinal)
            : [];

    private static IResult Serve(HttpContext context, Dictionary<string, string> files, string name)
    {
        if (!files.TryGetValue(name, out var path))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (name == Page)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        return TypedResults.PhysicalFile(path, ContentTypes[System.IO.Path.GetExtension(path)], enableRangeProcessing: false);
    }
}
