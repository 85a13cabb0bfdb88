using System.Text.Json.Nodes;
using GraphApi.Orders;
using GraphApi.Tests.Infrastructure;
using Xunit.Abstractions;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>
/// Two updateOrderStatus calls from the same state on PostgreSQL. Unlike SQLite (one writer at a time), PostgreSQL
/// lets both read the same <see cref="Order.Version"/>; the loser's UPDATE then matches no row and the
/// optimistic-concurrency retry decides again from the winner's status: moves that exclude each other apply exactly
/// once, and the outcome is always that of some serial order of the two requests.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderStatusRaceTests(PostgresWritesFixture app, ITestOutputHelper output)
    : IClassFixture<PostgresWritesFixture>
{
    // Moves that exclude each other in either order: from PAID, SHIPPED and CANCELLED; the same move twice is
    // refused the second time (PAID → PAID, CANCELLED → CANCELLED: stock must come back once only).
    private static readonly (OrderStatus From, string[] Targets)[] Races =
    [
        (OrderStatus.Paid, ["SHIPPED", "CANCELLED"]),
        (OrderStatus.Pending, ["PAID", "PAID"]),
        (OrderStatus.Pending, ["CANCELLED", "CANCELLED"]),
    ];

    [RequiresPostgresFact]
    public async Task Both_updates_read_the_same_version_and_the_loser_retries_into_a_refusal()
    {
        foreach (var (from, targets) in Races)
        {
            var product = await app.AddProductAsync(stock: 7);
            var order = await app.AddOrderAsync(from, product, quantity: 3);
            app.Sql.Reset();
            app.Barrier.Arm(parties: 2, IsOrderLoad);

            var outcome = await RaceAsync(order, targets);

            Assert.True(app.Barrier.Met, "Both requests should have read the order before either wrote it.");
            // Two UPDATEs met the version check: the winner's, and the loser's that matched no row.
            Assert.Equal(2, OrderUpdates());
            Assert.Equal(3, app.Sql.Commands.Count(IsOrderLoad)); // the loser loaded the order a second time
            await AssertExactlyOneAppliedAsync(outcome, order, product, stockBefore: 7, quantity: 3);
        }
    }

    [RequiresPostgresFact]
    public async Task Many_free_running_rounds_apply_exactly_one_update_each()
    {
        const int rounds = 12;
        var lostVersionChecks = 0;
        for (var round = 0; round < rounds; round++)
        {
            var (from, targets) = Races[round % Races.Length];
            var product = await app.AddProductAsync(stock: 4);
            var order = await app.AddOrderAsync(from, product, quantity: 2);
            app.Sql.Reset();

            var outcome = await RaceAsync(order, targets);

            await AssertExactlyOneAppliedAsync(outcome, order, product, stockBefore: 4, quantity: 2);
            lostVersionChecks += OrderUpdates() - 1;
        }

        // Whether the two reads overlap is up to the scheduler; the deterministic test above forces it.
        output.WriteLine($"{lostVersionChecks} of {rounds} rounds went through the optimistic-concurrency retry.");
    }

    [RequiresPostgresFact]
    public async Task Paying_and_cancelling_a_pending_order_at_once_end_as_some_serial_order_would()
    {
        // Both orders of the two moves are legal one after the other (PENDING → PAID → CANCELLED), but not the other
        // way round (CANCELLED → PAID). The retry decides again from the new status, exactly as if the requests had
        // arrived one after the other: either way the order ends CANCELLED with its stock back once.
        for (var round = 0; round < 4; round++)
        {
            var product = await app.AddProductAsync(stock: 7);
            var order = await app.AddOrderAsync(OrderStatus.Pending, product, quantity: 3);
            app.Sql.Reset();
            app.Barrier.Arm(parties: 2, IsOrderLoad);

            var responses = await ConcurrentRequests.SendAsync(2, i => app.Admin.PostAsync(
                UpdateOrderStatus, new { orderId = PostgresWritesFixture.OrderId(order), status = i == 0 ? "PAID" : "CANCELLED" }));

            Assert.True(app.Barrier.Met, "Both requests should have read the order before either wrote it.");
            var (pay, cancel) = (responses[0].AssertNoErrors().Data!["updateOrderStatus"]!, responses[1].AssertNoErrors().Data!["updateOrderStatus"]!);
            Assert.Equal("CANCELLED", cancel["order"]!["status"]!.GetValue<string>());
            if (pay["order"] is null)
            {
                // CANCELLED first: the payment lost the version check and was refused from the new status.
                Assert.Equal("CANCELLED", Assert.Single(pay["errors"]!.AsArray())!["from"]!.GetValue<string>());
            }
            else
            {
                // PAID first: the cancellation lost the version check, reloaded the PAID order and cancelled it.
                Assert.Equal(3, OrderUpdates());
            }

            Assert.Equal(OrderStatus.Cancelled, await app.StatusAsync(order));
            Assert.Equal(7 + 3, await app.StockAsync(product));
        }
    }

    private async Task<RaceOutcome> RaceAsync(int order, string[] targets)
    {
        var responses = await ConcurrentRequests.SendAsync(targets.Length, i => app.Admin.PostAsync(
            UpdateOrderStatus, new { orderId = PostgresWritesFixture.OrderId(order), status = targets[i] }));
        var payloads = responses.Select(r => r.AssertNoErrors().Data!["updateOrderStatus"]!).ToList();
        var applied = Assert.Single(payloads, p => p["order"] is not null);
        var refused = Assert.Single(payloads, p => p["order"] is null);
        return new RaceOutcome(applied["order"]!["status"]!.GetValue<string>(), Assert.Single(refused["errors"]!.AsArray())!);
    }

    private async Task AssertExactlyOneAppliedAsync(RaceOutcome outcome, int order, int product, int stockBefore, int quantity)
    {
        Assert.Equal("InvalidStatusTransitionError", outcome.Refusal["__typename"]!.GetValue<string>());
        Assert.Equal(outcome.Winner, outcome.Refusal["from"]!.GetValue<string>()); // decided from the winner's status
        Assert.Equal(Enum.Parse<OrderStatus>(outcome.Winner, ignoreCase: true), await app.StatusAsync(order));
        Assert.Equal(outcome.Winner == "CANCELLED" ? stockBefore + quantity : stockBefore, await app.StockAsync(product));
    }

    private int OrderUpdates() => app.Sql.Commands.Count(c => c.Contains("UPDATE \"Orders\"", StringComparison.Ordinal));

    /// <summary>The order-with-items load that starts every attempt of a status change.</summary>
    private static bool IsOrderLoad(string sql) =>
        sql.Contains("FROM \"Orders\"", StringComparison.Ordinal) && sql.Contains("JOIN \"OrderItems\"", StringComparison.Ordinal);

    private sealed record RaceOutcome(string Winner, JsonNode Refusal);
}
