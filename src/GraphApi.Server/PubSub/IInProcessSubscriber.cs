namespace GraphApi.Server.PubSub;

/// <summary>A subscriber as the bus sees it, whatever message type it reads.</summary>
internal interface IInProcessSubscriber
{
    string Topic { get; }

    /// <summary>Buffers <paramref name="message"/> when it is of the subscriber's type; never blocks.</summary>
    void Offer<TMessage>(TMessage message);
}
