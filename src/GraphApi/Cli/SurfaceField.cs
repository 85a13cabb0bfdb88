namespace GraphApi.Cli;

/// <summary>A field, argument or input field: its printed type (<c>[ID!]!</c>) and, for fields, its arguments.</summary>
internal sealed record SurfaceField(string Type, bool HasDefault, IReadOnlyDictionary<string, SurfaceField> Arguments)
{
    /// <summary>A client must supply it: non-null and without a default.</summary>
    public bool IsRequired => Type.EndsWith('!') && !HasDefault;
}
