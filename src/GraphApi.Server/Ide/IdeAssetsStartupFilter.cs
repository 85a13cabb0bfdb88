using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Server.Ide;

/// <summary>
/// Serves the IDE's assets and its <c>bcp-config.json</c> from sub-paths of the GraphQL path
/// (<c>/graphql/static/...</c>): the endpoint itself is mapped to the exact path only, so they need middleware,
/// added ahead of the app's own pipeline.
/// </summary>
internal sealed class IdeAssetsStartupFilter(IdeAssets assets) : IStartupFilter
{
    // Every file under static/ carries a content hash in its name, so it can be cached for good.
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (assets.IsServed)
        {
            app.UseWhen(IsConfigurationRequest, branch => branch.Run(WriteConfigurationAsync));
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = assets.Path,
                FileProvider = assets.Files,
                ServeUnknownFileTypes = true, // the package's LICENSE has no extension; every file there is the IDE's
                DefaultContentType = "text/plain; charset=utf-8",
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments(assets.Path.Add("/static")) ? ImmutableCaching : "no-cache",
            });
        }

        next(app);
    };

    private bool IsConfigurationRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.Equals(assets.Path.Add("/" + IdeConfiguration.FileName), StringComparison.OrdinalIgnoreCase);

    private Task WriteConfigurationAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store"; // it names the request's own origin
        return context.Response.WriteAsJsonAsync(IdeConfiguration.For(context.Request, assets.Path), context.RequestAborted);
    }
}
