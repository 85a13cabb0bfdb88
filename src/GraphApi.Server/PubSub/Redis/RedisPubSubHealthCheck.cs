using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>Healthy while the Redis pub/sub connection is up; unhealthy while events cannot cross instances.</summary>
internal sealed class RedisPubSubHealthCheck(RedisPubSubConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await connection.IsConnectedAsync().WaitAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("Redis pub/sub is connected.")
            : new HealthCheckResult(
                context.Registration.FailureStatus,
                "Redis pub/sub is not connected: subscription events do not cross server instances until it reconnects.");
}
