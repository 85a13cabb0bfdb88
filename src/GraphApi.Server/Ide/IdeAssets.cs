using GraphApi.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Ide;

/// <summary>
/// The IDE's files as found once at start-up: whether the IDE is served at all, its page, and a provider for
/// the other assets. Missing assets are not an error (the build skips them when npm is absent): the IDE is then off.
/// </summary>
internal sealed class IdeAssets
{
    public const string PageFileName = "index.html";

    public IdeAssets(IOptions<IdeOptions> options, GraphQLEndpointPath endpointPath, ILogger<IdeAssets> logger)
    {
        var settings = options.Value;
        Path = endpointPath.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var page = System.IO.Path.Combine(settings.AssetsDirectory, PageFileName);
        if (!File.Exists(page))
        {
            logger.LogWarning(
                "The GraphQL IDE is enabled but its assets are missing ({Page}); build with npm on PATH to include them.", page);
            return;
        }

        Page = IdePage.WithBase(File.ReadAllText(page), Path);
        Files = new PhysicalFileProvider(System.IO.Path.GetFullPath(settings.AssetsDirectory));
    }

    /// <summary>The GraphQL path (the pattern given to <c>MapGraphQL</c>) whose sub-paths serve the assets.</summary>
    public PathString Path { get; }

    /// <summary>The IDE's HTML page, ready to serve; null when the IDE is off.</summary>
    public string? Page { get; }

    /// <summary>The asset files; null when the IDE is off.</summary>
    public IFileProvider? Files { get; }

    public bool IsServed => Page is not null;
}
