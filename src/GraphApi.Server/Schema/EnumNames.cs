namespace GraphApi.Server.Schema;

/// <summary>Matches GraphQL enum value names (<c>STATUS_CHANGED</c>) to CLR enum members (<c>StatusChanged</c>).</summary>
internal static class EnumNames
{
    public static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    public static object ToClr(Type enumType, string graphQLName) =>
        TryToClr(enumType, graphQLName)
        ?? throw new SchemaBindingException(
            [$"Enum value {graphQLName} has no member in {enumType.Name} (members: {string.Join(", ", Enum.GetNames(enumType))})."]);

    public static object? TryToClr(Type enumType, string graphQLName)
    {
        var wanted = Normalize(graphQLName);
        var member = Enum.GetNames(enumType).FirstOrDefault(n => Normalize(n) == wanted);
        return member is null ? null : Enum.Parse(enumType, member);
    }
}
