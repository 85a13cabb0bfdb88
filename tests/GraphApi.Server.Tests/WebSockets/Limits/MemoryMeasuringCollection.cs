namespace GraphApi.Server.Tests.WebSockets.Limits;

/// <summary>Tests that measure the process's managed memory run alone: other tests' allocations would blur it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}
