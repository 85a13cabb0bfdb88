using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// The process's one Redis connection for pub/sub, opened on first use. It never aborts on a failed connect and fails
/// commands fast while disconnected (no backlog), so callers notice an outage at once instead of waiting on it;
/// StackExchange.Redis keeps reconnecting in the background and re-subscribes its channels.
/// </summary>
internal sealed class RedisPubSubConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisPubSubConnection> _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisPubSubConnection(ConfigurationOptions configuration, ILogger<RedisPubSubConnection> logger)
    {
        _configuration = configuration;
        _logger = logger;
        _multiplexer = new Lazy<Task<ConnectionMultiplexer>>(ConnectAsync);
    }

    /// <summary>Parses a StackExchange.Redis configuration string and applies the resilience settings above.</summary>
    public static ConfigurationOptions ParseConfiguration(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    public async Task<ISubscriber> GetSubscriberAsync() => (await _multiplexer.Value.ConfigureAwait(false)).GetSubscriber();

    /// <summary>The same connection's key-value side (e.g. the shared automatic persisted query store).</summary>
    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value.ConfigureAwait(false)).GetDatabase();

    public async Task<bool> IsConnectedAsync() => (await _multiplexer.Value.ConfigureAwait(false)).IsConnected;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await _multiplexer.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) => _logger.LogWarning(
            e.Exception,
            "Redis pub/sub lost its {ConnectionType} connection to {EndPoint} ({FailureType}): events between server instances are lost until it reconnects.",
            e.ConnectionType,
            e.EndPoint,
            e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => _logger.LogInformation(
            "Redis pub/sub restored its {ConnectionType} connection to {EndPoint}.", e.ConnectionType, e.EndPoint);
        if (!multiplexer.IsConnected)
        {
            _logger.LogWarning(
                "Redis pub/sub could not connect to {Configuration} yet; it keeps trying in the background.",
                _configuration.ToString(includePassword: false));
        }

        return multiplexer;
    }
}
