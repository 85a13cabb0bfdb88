using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Caching;

/// <summary>
/// A validation rule for cached documents that can tell from the document alone whether it has anything to check
/// in it. GraphQL.NET walks the whole document with type information whenever any rule is given, even one that
/// returns no visitor, so a cache hit passes only the rules that apply: with none left, the walk is skipped.
/// </summary>
internal interface IDocumentScopedRule
{
    /// <summary>False when no request with this document can make the rule report anything.</summary>
    bool AppliesTo(GraphQLDocument document, ISchema schema);
}
