using System.Net;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Dashboard;

/// <summary>The application serves the dashboard sample at /dashboard: the page, its own files, nothing else.</summary>
public sealed class DashboardPageTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    public async Task The_page_is_served_as_html(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/dashboard/dashboard.js\"></script>", page);
        Assert.Contains("connect-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/dashboard/dashboard.js", "text/javascript", "orderEvents")]
    [InlineData("/dashboard/graphql-ws.js", "text/javascript", "graphql-transport-ws")]
    [InlineData("/dashboard/dashboard.css", "text/css", ".badge")]
    public async Task The_pages_own_files_are_served_with_their_types(string path, string mediaType, string excerpt)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(excerpt, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hidden_elements_stay_hidden_whatever_their_class_displays()
    {
        // .account sets display: flex; without this rule the signed-out page showed "Sign out".
        var css = await fixture.Factory.CreateClient().GetStringAsync("/dashboard/dashboard.css");

        Assert.Contains("[hidden] { display: none !important; }", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/README.md")]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/dashboard/..%2Fappsettings.json")]
    [InlineData("/dashboard/%2E%2E%2FGraphApi.dll")]
    public async Task Nothing_else_is_served(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
