namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>A scoped service whose id tells which DI scope resolved an event.</summary>
internal sealed class ScopeMarker
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
