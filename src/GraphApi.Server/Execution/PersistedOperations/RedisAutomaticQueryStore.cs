using GraphApi.Server.PubSub.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// The APQ store every instance shares, on the Redis connection of the Redis bus. Redis bounds it (its maxmemory
/// policy); while Redis is unreachable a lookup is a miss, so Apollo clients simply send the query again.
/// </summary>
internal sealed class RedisAutomaticQueryStore(RedisPubSubConnection connection, ILogger<RedisAutomaticQueryStore> logger) : IAutomaticQueryStore
{
    public const string KeyPrefix = "graphapi:apq:";

    public async Task<string?> FindAsync(string sha256Hash)
    {
        try
        {
            var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
            var query = await database.StringGetAsync(KeyPrefix + sha256Hash).ConfigureAwait(false);
            return query.HasValue ? query.ToString() : null;
        }
        catch (RedisException error)
        {
            logger.LogWarning(error, "Automatic persisted query lookup in Redis failed; answering as unknown.");
            return null;
        }
    }

    public async Task StoreAsync(string sha256Hash, string query)
    {
        try
        {
            var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
            await database.StringSetAsync(KeyPrefix + sha256Hash, query).ConfigureAwait(false);
        }
        catch (RedisException error)
        {
            logger.LogWarning(error, "Storing an automatic persisted query in Redis failed; the client will send it again.");
        }
    }
}
