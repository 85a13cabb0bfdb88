using System.Net;
using GraphApi.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GraphApi.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against the real application on Kestrel: an admin signs in through the page,
/// a customer places an order over HTTP and the row appears on top; an admin status change updates it.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string AdminName = "dashboard-admin";
    private const string AdminPassword = "dashboard-admin-password";

    [RequiresBrowserFact]
    public async Task An_order_placed_by_a_customer_appears_live_and_its_status_change_follows()
    {
        using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["Admin:Username"] = AdminName,
            ["Admin:Email"] = "dashboard-admin@example.com",
            ["Admin:Password"] = AdminPassword,
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var http = new HttpClient { BaseAddress = address };

        var admin = new GraphQLTestClient(http, await LoginAsync(http, AdminName, AdminPassword));
        var productId = await CreateProductAsync(admin);
        var customer = new GraphQLTestClient(http, await RegisterCustomerAsync(http));

        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync(1280, 800);
        page.SetDefaultTimeout(20_000);
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync(new Uri(address, "/dashboard").ToString());
        await page.FillAsync("input[name=\"usernameOrEmail\"]", AdminName);
        await page.FillAsync("input[name=\"password\"]", AdminPassword);
        await page.ClickAsync("button[type=\"submit\"]");
        await page.WaitForSelectorAsync("#connection[data-state=\"live\"]");
        await page.WaitForFunctionAsync("() => document.querySelector('#order-count').textContent !== ''");

        var placed = await customer.PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 2 }] }) { order { id } } }",
            new { p = productId });
        var orderId = placed.AssertNoErrors().Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>();
        Assert.Equal(0, await RowIndexOnceShownAsync(page, orderId, "PENDING")); // the new row is on top

        var updated = await admin.PostAsync(
            "mutation($o: ID!) { updateOrderStatus(input: { orderId: $o, status: PAID }) { order { status } } }",
            new { o = orderId });
        updated.AssertNoErrors();
        Assert.Equal(0, await RowIndexOnceShownAsync(page, orderId, "PAID"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard-live.png");
        File.Delete(screenshot);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.Empty(problems);
        Assert.True(new FileInfo(screenshot).Length > 0, "The screenshot was not saved.");
    }

    /// <summary>Waits until the table shows <paramref name="orderId"/> with <paramref name="status"/>; returns its row index.</summary>
    private static async Task<int> RowIndexOnceShownAsync(IPage page, string orderId, string status)
    {
        await page.WaitForFunctionAsync(
            """
            ([id, status]) => [...document.querySelectorAll('#orders tr')]
              .some((row) => row.dataset.orderId === id && row.querySelector('[data-field="status"]').textContent === status)
            """,
            new[] { orderId, status });
        return await page.EvaluateAsync<int>(
            "(id) => [...document.querySelectorAll('#orders tr')].findIndex((row) => row.dataset.orderId === id)", orderId);
    }

    private static async Task<string> LoginAsync(HttpClient http, string usernameOrEmail, string password)
    {
        var login = await new GraphQLTestClient(http, null).PostAsync(
            "mutation($i: LoginInput!) { login(input: $i) { token errors { __typename } } }",
            new { i = new { usernameOrEmail, password } });
        return login.AssertNoErrors().Data!["login"]!["token"]!.GetValue<string>();
    }

    private static async Task<string> CreateProductAsync(GraphQLTestClient admin)
    {
        var created = await admin.PostAsync(
            """
            mutation { createProduct(input: { sku: "DESK-LAMP", name: "Desk Lamp", price: 42.50, stock: 10 }) {
              product { id } errors { __typename } } }
            """);
        return created.AssertNoErrors().Data!["createProduct"]!["product"]!["id"]!.GetValue<string>();
    }

    private static async Task<string> RegisterCustomerAsync(HttpClient http)
    {
        const string password = "carol-password";
        var registered = await new GraphQLTestClient(http, null).PostAsync(
            "mutation { registerUser(input: { username: \"carol\", email: \"carol@example.com\", password: \"" + password + "\" }) { user { id } errors { __typename } } }");
        registered.AssertNoErrors();
        return await LoginAsync(http, "carol", password);
    }
}
