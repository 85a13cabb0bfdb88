using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Users;

namespace GraphApi.Tests.Hosting;

/// <summary>A small, fully known data set: an admin, two customers, products and orders with fixed timestamps.</summary>
internal sealed class TestData
{
    public static readonly DateTime Epoch = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public required User Admin { get; init; }
    public required User Alice { get; init; }
    public required User Bob { get; init; }
    public required IReadOnlyList<Product> Products { get; init; }
    public required IReadOnlyList<Order> AliceOrders { get; init; }
    public required IReadOnlyList<Order> BobOrders { get; init; }

    public static async Task<TestData> SeedAsync(AppDbContext db)
    {
        User NewUser(string name, Role role, int minute) => new()
        {
            Username = name,
            Email = $"{name}@example.com",
            Role = role,
            PasswordHash = "not-a-real-hash",
            CreatedAt = Epoch.AddMinutes(minute),
            UpdatedAt = Epoch.AddMinutes(minute),
        };

        var admin = NewUser("admin", Role.Admin, 0);
        var alice = NewUser("Alice", Role.Customer, 1);
        var bob = NewUser("bob", Role.Customer, 2);
        db.Users.AddRange(admin, alice, bob);

        var products = new[]
        {
            NewProduct("KB-001", "Mechanical Keyboard", 89.99m, 12, 10),
            NewProduct("MS-002", "Wireless Mouse", 24.50m, 40, 11),
            NewProduct("MN-003", "4K Monitor", 329.00m, 5, 12),
            NewProduct("CB-004", "USB-C Cable", 9.99m, 0, 13),
            NewProduct("HD-005", "Noise-Cancelling Headphones", 199.00m, 8, 14),
        };
        db.Products.AddRange(products);
        await db.SaveChangesAsync();

        var aliceOrders = new[]
        {
            NewOrder(alice, OrderStatus.Pending, 20, (products[0], 1), (products[1], 2)),
            NewOrder(alice, OrderStatus.Paid, 21, (products[2], 1)),
            NewOrder(alice, OrderStatus.Delivered, 22, (products[3], 3), (products[4], 1)),
        };
        var bobOrders = new[]
        {
            NewOrder(bob, OrderStatus.Shipped, 23, (products[1], 1)),
            NewOrder(bob, OrderStatus.Cancelled, 24, (products[4], 2)),
        };
        db.Orders.AddRange(aliceOrders);
        db.Orders.AddRange(bobOrders);
        await db.SaveChangesAsync();

        return new TestData
        {
            Admin = admin,
            Alice = alice,
            Bob = bob,
            Products = products,
            AliceOrders = aliceOrders,
            BobOrders = bobOrders,
        };
    }

    public static Product NewProduct(string sku, string name, decimal price, int stock, int minute) => new()
    {
        Sku = sku,
        Name = name,
        Description = $"{name} for tests",
        Price = price,
        Stock = stock,
        CreatedAt = Epoch.AddMinutes(minute),
        UpdatedAt = Epoch.AddMinutes(minute),
    };

    public static Order NewOrder(User customer, OrderStatus status, int minute, params (Product Product, int Quantity)[] lines)
    {
        var items = lines.Select(l => new OrderItem { ProductId = l.Product.Id, Quantity = l.Quantity, UnitPrice = l.Product.Price }).ToList();
        return new Order
        {
            CustomerId = customer.Id,
            Status = status,
            Items = items,
            Total = items.Sum(i => i.LineTotal),
            CreatedAt = Epoch.AddMinutes(minute),
            UpdatedAt = Epoch.AddMinutes(minute),
        };
    }
}
