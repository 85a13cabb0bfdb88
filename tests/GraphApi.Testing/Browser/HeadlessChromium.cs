using Microsoft.Playwright;

namespace GraphApi.Testing;

/// <summary>
/// Debian's chromium (<see cref="ExternalNeeds.ChromiumPath"/>) driven headless by Playwright for .NET; never a
/// browser Playwright downloads. Use with <see cref="RequiresBrowserFactAttribute"/>.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] QuietArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExternalNeeds.ChromiumPath,
                Headless = true,
                Args = QuietArguments,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new page of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public Task<IPage> NewPageAsync(int width, int height) =>
        _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
