using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Authorization;

/// <summary>Who calls: nobody, the owner of the data (Alice), another customer (Bob), or an admin.</summary>
public enum Caller
{
    Anonymous,
    Owner,
    OtherCustomer,
    Admin,
}

/// <summary>
/// One row of the authorization matrix: <paramref name="Caller"/> sends <paramref name="Document"/> and must meet
/// exactly the <paramref name="Denied"/> errors (response path → code) while every <paramref name="Granted"/>
/// path holds a value.
/// </summary>
/// <param name="Rules">The SDL rules (see <see cref="SdlAuthorizeRules"/>) this row exercises.</param>
/// <param name="Document">
/// A GraphQL document whose placeholders (<c>{aliceOrder}</c>, <c>{bobOrder}</c>, <c>{alice}</c>, <c>{bob}</c>,
/// <c>{alicePaidOrder}</c>, <c>{product0}</c>…<c>{product4}</c>) become global IDs of <see cref="TestData"/>, and
/// <c>{caller}</c> the caller's name.
/// </param>
/// <param name="NothingWritten">For denied mutations: fails when the mutation left a trace in the database.</param>
internal sealed record AccessCase(
    string Name,
    IReadOnlyList<string> Rules,
    Caller Caller,
    string Document,
    IReadOnlyList<(string Path, string Code)> Denied,
    IReadOnlyList<string> Granted,
    Func<GraphApiFixture, Task>? NothingWritten = null)
{
    /// <summary>Paths that must not exist (e.g. a customer's list must end before other people's orders).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>
    /// The whole <c>data</c> the caller must get, as JSON with the same placeholders as <see cref="Document"/>;
    /// null when only <see cref="Granted"/> and <see cref="Denied"/> are checked.
    /// </summary>
    public string? Payload { get; init; }

    /// <summary>An allowed caller's mutation: it changes data.</summary>
    public bool Writes => Denied.Count == 0 && Document.TrimStart().StartsWith("mutation", StringComparison.Ordinal);
}
