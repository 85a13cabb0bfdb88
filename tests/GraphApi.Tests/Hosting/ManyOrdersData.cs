using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Users;

namespace GraphApi.Tests.Hosting;

/// <summary>A data set big enough to show batching: an admin, 10 customers, 20 products and 60 orders of 1–3 lines.</summary>
internal static class ManyOrdersData
{
    /// <summary>Seeds the set and returns its admin ("root").</summary>
    public static async Task<User> SeedAsync(AppDbContext db)
    {
        var admin = new User { Username = "root", Email = "root@example.com", Role = Role.Admin, PasswordHash = "x", CreatedAt = TestData.Epoch, UpdatedAt = TestData.Epoch };
        var customers = Enumerable.Range(1, 10).Select(i => new User
        {
            Username = $"customer{i}", Email = $"c{i}@example.com", Role = Role.Customer, PasswordHash = "x",
            CreatedAt = TestData.Epoch, UpdatedAt = TestData.Epoch,
        }).ToList();
        var products = Enumerable.Range(1, 20).Select(i => TestData.NewProduct($"SKU-{i}", $"Product {i}", 10m + i, 100, i)).ToList();
        db.Users.Add(admin);
        db.Users.AddRange(customers);
        db.Products.AddRange(products);
        await db.SaveChangesAsync();

        db.Orders.AddRange(Enumerable.Range(0, 60).Select(i => TestData.NewOrder(
            customers[i % customers.Count], (OrderStatus)(i % 5), i,
            Enumerable.Range(0, 1 + (i % 3)).Select(j => (products[(i + j * 7) % products.Count], 1 + j)).ToArray())));
        await db.SaveChangesAsync();
        return admin;
    }
}
