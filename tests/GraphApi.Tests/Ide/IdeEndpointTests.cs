using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Ide;

public sealed partial class IdeEndpointTests
{
    [RequiresIdeAssetsFact]
    public async Task A_browser_opening_the_endpoint_gets_the_ide_page_with_its_base_path()
    {
        using var factory = Enabled();

        using var response = await GetHtmlAsync(factory, "/graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<head><base href=\"/graphql/\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
    }

    [RequiresIdeAssetsFact]
    public async Task The_ide_configuration_names_the_same_origin_endpoint_over_http_and_websocket()
    {
        using var factory = Enabled();

        var configuration = await factory.CreateClient().GetFromJsonAsync<Dictionary<string, string>>("/graphql/bcp-config.json");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["endpoint"] = "http://localhost/graphql",
                ["subscriptionEndpoint"] = "ws://localhost/graphql",
            },
            configuration);
    }

    [RequiresIdeAssetsFact]
    public async Task The_page_scripts_and_styles_are_served_from_sub_paths_with_their_content_types()
    {
        using var factory = Enabled();
        var client = factory.CreateClient();
        var html = await (await GetHtmlAsync(factory, "/graphql")).Content.ReadAsStringAsync();
        var script = ScriptSource().Match(html).Groups[1].Value;
        var stylesheet = StylesheetSource().Match(html).Groups[1].Value;

        using var scriptResponse = await client.GetAsync("/graphql/" + script);
        using var stylesheetResponse = await client.GetAsync("/graphql/" + stylesheet);

        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal("text/javascript", scriptResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", scriptResponse.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stylesheetResponse.StatusCode);
        Assert.Equal("text/css", stylesheetResponse.Content.Headers.ContentType?.MediaType);
    }

    [RequiresIdeAssetsFact]
    public async Task The_licence_is_served_beside_the_assets()
    {
        using var factory = Enabled();

        var licence = await factory.CreateClient().GetStringAsync("/graphql/LICENSE");

        Assert.Contains("ChilliCream License", licence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_ide_answers_404_saying_how_to_enable_it()
    {
        using var factory = new GraphApiFactory(new Dictionary<string, string?> { ["GraphQL:Ide:Enabled"] = "false" });

        await AssertNoIdeAsync(factory);
    }

    [RequiresIdeAssetsFact]
    public async Task The_ide_is_on_in_production_by_default()
    {
        using var factory = new GraphApiFactory();

        using var response = await GetHtmlAsync(factory, "/graphql");

        Assert.Equal("Production", factory.Environment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Banana Cake Pop</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_assets_leave_the_ide_off()
    {
        using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["GraphQL:Ide:Enabled"] = "true",
            ["GraphQL:Ide:AssetsDirectory"] = Path.Combine(Path.GetTempPath(), "no-ide-" + Guid.NewGuid().ToString("N")),
        });

        await AssertNoIdeAsync(factory);
    }

    private static GraphApiFactory Enabled() =>
        new(new Dictionary<string, string?> { ["GraphQL:Ide:Enabled"] = "true" });

    private static async Task<HttpResponseMessage> GetHtmlAsync(GraphApiFactory factory, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task AssertNoIdeAsync(GraphApiFactory factory)
    {
        using var page = await GetHtmlAsync(factory, "/graphql");
        using var configuration = await factory.CreateClient().GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var hint = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("No GraphQL IDE is served here.", hint, StringComparison.Ordinal);
        Assert.Contains("npm on PATH", hint, StringComparison.Ordinal);
        Assert.Contains("GraphQL:Ide:Enabled=true", hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, configuration.StatusCode);
    }

    [GeneratedRegex("<script defer=\"defer\" src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<link href=\"([^\"]+\\.css)\" rel=\"stylesheet\"")]
    private static partial Regex StylesheetSource();
}
