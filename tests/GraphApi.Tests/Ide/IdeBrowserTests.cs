using System.Net;
using GraphApi.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GraphApi.Tests.Ide;

/// <summary>The IDE in a real headless chromium against the app on Kestrel: loads, runs a query, shows the result.</summary>
public sealed class IdeBrowserTests(ITestOutputHelper output)
{
    private const string Query = "{ products(first: 1) { totalCount } }";

    [RequiresExternalFact(ExternalNeed.Chromium, ExternalNeed.IdeAssets)]
    public async Task The_ide_runs_a_query_against_its_own_server_and_shows_the_result()
    {
        using var factory = new GraphApiFactory(new Dictionary<string, string?> { ["GraphQL:Ide:Enabled"] = "true" });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var data = await factory.WithDbAsync(TestData.SeedAsync);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync(1440, 900);
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");

        try
        {
            await page.GotoAsync(address + "/graphql");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
            var operationEditor = page.Locator(".monaco-editor").First;

            // The response editor renders spaces as no-break spaces.
            var expected = $"\"totalCount\": {data.Products.Count}";
            var run = page.GetByRole(AriaRole.Button, new() { Name = "Run" }).First;
            for (var attempt = 1; ; attempt++)
            {
                await EnterQueryAsync(page, operationEditor);
                await run.ClickAsync();
                try
                {
                    await page.WaitForFunctionAsync(
                        "expected => document.body.innerText.replaceAll('\\u00a0', ' ').includes(expected)", expected, new() { Timeout = 10_000 });
                    break;
                }
                catch (Exception exception) when (exception is PlaywrightException or TimeoutException && attempt < 3)
                {
                    // On a busy machine the IDE can take the first edit before it listens to its editor and then sends an
                    // empty document ("no operations"): enter the query again and run it again.
                    output.WriteLine($"run {attempt}: no result yet, entering the query again");
                }
            }
        }
        finally
        {
            await SaveScreenshotAsync(page, "ide.png");
        }
    }

    private static async Task EnterQueryAsync(IPage page, ILocator operationEditor)
    {
        await operationEditor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(Query); // typing would trigger the editor's auto-closing brackets
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.monaco-editor .view-lines')].some(lines => lines.innerText.includes('totalCount'))",
            null, new() { Timeout = 30_000 });
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"Screenshot: {path}");
    }
}
