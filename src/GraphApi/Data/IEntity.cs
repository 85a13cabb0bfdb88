namespace GraphApi.Data;

/// <summary>An entity with an integer primary key <c>Id</c>: what <see cref="EntityByIdLoader{T}"/> loads by.</summary>
internal interface IEntity
{
    int Id { get; }
}
