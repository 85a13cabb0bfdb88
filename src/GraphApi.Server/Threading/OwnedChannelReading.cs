using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace GraphApi.Server.Threading;

/// <summary>Reading a channel that has a single reader, which owns it.</summary>
internal static class OwnedChannelReading
{
    /// <summary>
    /// The channel's items until it completes; throws <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> fires, and completes the channel's writer then.
    /// </summary>
    /// <remarks>
    /// <see cref="ChannelReader{T}.ReadAllAsync"/> hands the token to every wait, and a wait with a token allocates its
    /// own waiter and registration; one without reuses the reader's. A subscription waits once per event, so a fan-out
    /// to thousands pays that per subscriber and event. Here the token is registered once, and its firing ends the wait
    /// by completing the writer: only for a channel nothing else reads, and whose writers drop what comes after.
    /// </remarks>
    public static async IAsyncEnumerable<T> ReadUntilCancelledAsync<T>(
        this Channel<T> channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = cancellationToken.UnsafeRegister(static state => ((ChannelWriter<T>)state!).TryComplete(), channel.Writer);
        var reader = channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
