using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Shop;

/// <summary>A real SQLite file in the temp folder, filled with a deterministic data set; deleted on dispose.</summary>
internal sealed class ShopDatabase : IDisposable
{
    public const int Customers = 1_000;
    public const int Products = 100_000;
    public const int Orders = 5_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graphapi-bench-" + Guid.NewGuid().ToString("N"));

    private ShopDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "shop.db")}";
    }

    public string ConnectionString { get; }

    /// <summary>The shop SDL, written beside the database file for the runtime's schema loader.</summary>
    public string SchemaDirectory => Path.Combine(_directory, "schema");

    public static ShopDatabase Create()
    {
        var database = new ShopDatabase();
        Directory.CreateDirectory(database.SchemaDirectory);
        using (var sdl = typeof(ShopDatabase).Assembly.GetManifestResourceStream("shop.graphql")!)
        using (var file = File.Create(Path.Combine(database.SchemaDirectory, "shop.graphql")))
        {
            sdl.CopyTo(file);
        }

        using var db = new ShopDbContext(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite(database.ConnectionString).Options);
        db.Database.EnsureCreated();
        Fill(db);
        return database;
    }

    /// <summary>Plain prepared INSERTs in one transaction: seconds for 100k rows, where change tracking takes minutes.</summary>
    private static void Fill(ShopDbContext db)
    {
        var random = new Random(42);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction();

        InsertRows(connection, "Customers", ["Id", "Name"], Customers,
            i => [i, $"customer-{i}"]);
        InsertRows(connection, "Products", ["Id", "Sku", "Name", "PriceCents", "Stock"], Products,
            i => [i, $"SKU-{i:D6}", $"Product {i}", random.Next(100, 100_000), random.Next(0, 500)]);
        InsertRows(connection, "Orders", ["Id", "CustomerId", "TotalCents"], Orders,
            i => [i, random.Next(1, Customers + 1), random.Next(100, 1_000_000)]);

        // 1-5 lines per order, products drawn from the first thousand so lines share products (as in real carts).
        var lines = new List<object[]>();
        for (var order = 1; order <= Orders; order++)
        {
            var count = random.Next(1, 6);
            for (var line = 0; line < count; line++)
            {
                lines.Add([lines.Count + 1, order, random.Next(1, 1_001), random.Next(1, 4)]);
            }
        }

        InsertRows(connection, "OrderItems", ["Id", "OrderId", "ProductId", "Quantity"], lines.Count,
            i => lines[i - 1]);
        transaction.Commit();
        connection.Close();
    }

    private static void InsertRows(
        SqliteConnection connection, string table, string[] columns, int count, Func<int, object[]> values)
    {
        using var command = connection.CreateCommand();
        var parameters = columns.Select((_, p) => "$" + p).ToArray();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters)})";
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }

        for (var i = 1; i <= count; i++)
        {
            var row = values(i);
            for (var p = 0; p < columns.Length; p++)
            {
                command.Parameters[p].Value = row[p];
            }

            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
