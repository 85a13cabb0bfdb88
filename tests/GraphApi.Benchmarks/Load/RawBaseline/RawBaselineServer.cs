using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Benchmarks.Load.RawBaseline;

/// <summary>
/// <c>raw --urls http://127.0.0.1:5081 --database PATH</c>: a plain ASP.NET Core minimal API whose
/// <c>GET /products</c> answers the load run's S1 (<c>products(first: 20) { nodes { id name price } }</c>) with the same
/// JSON from the same EF Core statement the GraphQL connection runs (all columns, ORDER BY Id, LIMIT 21, no tracking).
/// The load run divides GraphQL's throughput by this one: the ratio is the GraphQL layer's cost.
/// </summary>
internal static class RawBaselineServer
{
    private const int PageSize = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadRun.ParseOptions(args);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.GetValueOrDefault("urls", "http://127.0.0.1:5081"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContextPool<RawDbContext>(db => db.UseSqlite($"Data Source={options["database"]}"));

        var app = builder.Build();
        app.MapGet("/health/live", () => "Healthy");
        app.MapGet("/products", async (RawDbContext db, CancellationToken cancellationToken) =>
        {
            var fetched = await db.Products.AsNoTracking().OrderBy(p => p.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            var nodes = fetched.Take(PageSize).Select(p => new { id = GlobalId(p.Id), name = p.Name, price = p.Price });
            return Results.Json(new { data = new { products = new { nodes } } });
        });
        await app.RunAsync();
        return 0;
    }

    private static string GlobalId(int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Product:" + key.ToString(CultureInfo.InvariantCulture)));
}
