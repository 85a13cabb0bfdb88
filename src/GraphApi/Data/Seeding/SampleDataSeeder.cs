using GraphApi.Auth.PasswordHashing;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GraphApi.Data.Seeding;

/// <summary>
/// Fills an empty database with believable sample data: by default 50 products, 20 customers and 200 orders
/// (<see cref="SeedOptions"/> sets other sizes).
/// Names, quantities and statuses come from a fixed random seed; timestamps lie in the weeks before "now".
/// </summary>
internal sealed class SampleDataSeeder(
    AppDbContext db, IPasswordHasher hasher, TimeProvider clock, IOptions<SeedOptions> options, ILogger<SampleDataSeeder> logger)
{
    private const int RandomSeed = 20261126;
    private const int OrderWindowDays = 56;

    // Weighted so that a history looks plausible: most orders are delivered, few are still pending.
    private static readonly OrderStatus[] StatusDeck =
    [
        OrderStatus.Pending, OrderStatus.Pending,
        OrderStatus.Paid, OrderStatus.Paid,
        OrderStatus.Shipped, OrderStatus.Shipped,
        OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Delivered,
        OrderStatus.Cancelled,
    ];

    /// <summary>
    /// Seeds unless the database already has products, orders or customers (an ADMIN made by the
    /// admin bootstrap does not count). Returns whether it seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(cancellationToken) || await db.Orders.AnyAsync(cancellationToken) || await db.Users.AnyAsync(u => u.Role == Role.Customer, cancellationToken))
        {
            logger.LogInformation("Sample data skipped: the database is not empty.");
            return false;
        }

        var sizes = options.Value;
        var random = new Random(RandomSeed);
        var now = clock.GetUtcNowTruncated();
        var catalogueDate = now.AddDays(-(OrderWindowDays + 14));

        var products = Enumerable.Range(0, sizes.Products)
            .Select(i => CatalogueProduct(i, random, catalogueDate.AddMinutes(i * 17)))
            .ToList();

        // Argon2 is slow on purpose: every sample customer shares one hash of the documented password.
        var passwordHash = hasher.Hash(SampleCustomers.Password);
        // A bootstrapped admin may already hold a sample username or email: that customer is left out.
        var taken = await db.Users.Select(u => new { u.NormalizedUsername, u.Email }).ToListAsync(cancellationToken);
        var customers = Enumerable.Range(0, sizes.Customers)
            .Select(CustomerName)
            .Where(n => !taken.Any(t => t.NormalizedUsername == $"{n.First}_{n.Last}" || t.Email == $"{n.First}.{n.Last}@example.com"))
            .Select((n, i) => new User
            {
                Username = $"{n.First}_{n.Last}",
                Email = $"{n.First}.{n.Last}@example.com",
                Role = Role.Customer,
                PasswordHash = passwordHash,
                CreatedAt = catalogueDate.AddDays(1).AddHours(i * 5),
            })
            .ToList();

        db.Products.AddRange(products);
        db.Users.AddRange(customers);
        // Ordered by time so that primary keys follow creation order, as they would in real life.
        db.Orders.AddRange(Enumerable.Range(0, sizes.Orders)
            .Select(_ => CreateOrder(random, now, products, customers))
            .OrderBy(o => o.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sample data seeded: {Products} products, {Customers} customers, {Orders} orders.",
            products.Count, customers.Count, sizes.Orders);
        return true;
    }

    /// <summary>The i-th catalogue entry; past the catalogue's end it repeats with " #2", "-2" and so on.</summary>
    private static Product CatalogueProduct(int index, Random random, DateTime createdAt)
    {
        var entry = SampleCatalog.Products[index % SampleCatalog.Products.Count];
        var round = index / SampleCatalog.Products.Count + 1;
        return new Product
        {
            Sku = round == 1 ? entry.Sku : $"{entry.Sku}-{round}",
            Name = round == 1 ? entry.Name : $"{entry.Name} #{round}",
            Description = entry.Description,
            Price = entry.Price,
            Stock = random.Next(0, 8) == 0 ? 0 : random.Next(5, 400), // a few sold-out items
            CreatedAt = createdAt,
        };
    }

    /// <summary>The i-th sample name; past the list's end the last name gets a number (alice_martin2).</summary>
    private static (string First, string Last) CustomerName(int index)
    {
        var (first, last) = SampleCustomers.Names[index % SampleCustomers.Names.Count];
        var round = index / SampleCustomers.Names.Count + 1;
        return (first, round == 1 ? last : $"{last}{round}");
    }

    private static Order CreateOrder(Random random, DateTime now, List<Product> products, List<User> customers)
    {
        var createdAt = now.AddMinutes(-random.Next(60, OrderWindowDays * 24 * 60)).AddMilliseconds(random.Next(1000));
        var status = StatusDeck[random.Next(StatusDeck.Length)];
        var items = products
            .OrderBy(_ => random.Next())
            .Take(random.Next(1, 5))
            .Select(p => new OrderItem { Product = p, Quantity = random.Next(1, 5), UnitPrice = p.Price })
            .ToList();
        var updatedAt = status == OrderStatus.Pending ? createdAt : Min(createdAt.AddHours(random.Next(1, 96)), now);
        return new Order
        {
            Customer = customers[random.Next(customers.Count)],
            Status = status,
            Items = items,
            Total = items.Sum(i => i.LineTotal),
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
