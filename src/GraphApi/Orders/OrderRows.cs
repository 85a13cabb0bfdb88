using System.Text;
using GraphApi.Data;
using GraphApi.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GraphApi.Orders;

/// <summary>
/// The INSERTs of a placed order, written by hand: <c>SaveChanges</c> spent most of its time sorting, batching
/// and tracking two to four rows (measured with perf), inside the one-writer-at-a-time section. The names are
/// those of <see cref="OrderConfiguration"/> and <see cref="OrderItemConfiguration"/>; placeOrder's tests run
/// these statements on SQLite and on PostgreSQL.
/// </summary>
internal static class OrderRows
{
    /// <summary>Inserts the order row (not its items) and returns the key the database gave it.</summary>
    public static async Task<int> InsertOrderAsync(this DatabaseFacade database, Order order, CancellationToken cancellationToken)
    {
        var keys = await database.QueryColumnAsync<int>($"""
            INSERT INTO "Orders" ("CustomerId", "Status", "Total", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({order.CustomerId}, {(int)order.Status}, {MoneyConverter.ToMinorUnits(order.Total)}, {order.CreatedAt}, {order.UpdatedAt}, {order.Version})
            RETURNING "Id"
            """, cancellationToken);
        return keys.Single();
    }

    /// <summary>Inserts all lines of order <paramref name="orderId"/> in one statement.</summary>
    public static Task<int> InsertItemsAsync(
        this DatabaseFacade database, int orderId, IReadOnlyList<OrderItem> items, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("""INSERT INTO "OrderItems" ("OrderId", "ProductId", "Quantity", "UnitPrice") VALUES """);
        var values = new object[items.Count * 4];
        for (var i = 0; i < items.Count; i++)
        {
            var at = i * 4;
            sql.Append(i == 0 ? "" : ", ").Append($"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}})");
            values[at] = orderId;
            values[at + 1] = items[i].ProductId;
            values[at + 2] = items[i].Quantity;
            values[at + 3] = MoneyConverter.ToMinorUnits(items[i].UnitPrice);
        }

        return database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
    }
}
