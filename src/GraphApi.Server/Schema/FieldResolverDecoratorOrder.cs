namespace GraphApi.Server.Schema;

/// <summary>The <see cref="IFieldResolverDecorator.Order"/> of the runtime's decorators, innermost first.</summary>
internal static class FieldResolverDecoratorOrder
{
    /// <summary>Connections turn a returned <c>IQueryable</c> into a page: innermost, next to the resolver.</summary>
    public const int Connections = 0;

    /// <summary>Authorization wraps everything else, so a denied field runs nothing (no connection query either).</summary>
    public const int Authorization = 1000;
}
