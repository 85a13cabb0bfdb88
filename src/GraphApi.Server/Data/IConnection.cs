namespace GraphApi.Server.Data;

/// <summary>What the runtime's <c>totalCount</c> resolver needs of any <see cref="Connection{T}"/>.</summary>
public interface IConnection
{
    /// <summary>The count of the filtered set, ignoring cursors; computed once, only when asked.</summary>
    Task<int> GetTotalCountAsync(CancellationToken cancellationToken);
}
