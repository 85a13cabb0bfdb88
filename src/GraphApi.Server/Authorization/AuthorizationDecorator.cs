using System.Collections;
using System.Collections.Concurrent;
using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace GraphApi.Server.Authorization;

/// <summary>
/// Enforces <c>@authorize</c>. Field level: the field is checked before it resolves (resource: the parent object)
/// and answers null with one error when denied. Object level (<c>type Order @authorize(...)</c>): every field
/// that can return that type checks each returned object (resource: the object), wherever it is reached —
/// root fields, <c>node</c>/<c>nodes</c>, connections, payloads — and puts null with one error in its place.
/// </summary>
internal sealed class AuthorizationDecorator(IReadOnlyDictionary<string, Type> clrTypes) : IFieldResolverDecorator
{
    private readonly Dictionary<Type, IReadOnlyList<AuthorizeRule>> _protectedClrTypes = [];
    private readonly ConcurrentDictionary<Type, IReadOnlyList<AuthorizeRule>> _rulesByRuntimeType = new();
    private readonly HashSet<string> _protectedTypeNames = [];
    private ISchema? _indexedSchema;

    public int Order => FieldResolverDecoratorOrder.Authorization;

    public IFieldResolver? Decorate(ISchema schema, IComplexGraphType parent, FieldType field, IFieldResolver inner)
    {
        IndexProtectedTypes(schema);
        var fieldRules = AuthorizeRule.From(field);
        var checksObjects = MayReturnProtectedObject(field.ResolvedType);
        return fieldRules.Count == 0 && !checksObjects
            ? null
            : new Resolver(this, inner, fieldRules, checksObjects);
    }

    /// <summary>
    /// Finds the <c>@authorize</c> object types once, at the first field (the schema is decorated on one thread, at
    /// build). One instance serves one schema, as the DI singleton serves the singleton schema.
    /// </summary>
    private void IndexProtectedTypes(ISchema schema)
    {
        if (ReferenceEquals(_indexedSchema, schema))
        {
            return;
        }

        if (_indexedSchema is not null)
        {
            throw new InvalidOperationException("An AuthorizationDecorator decorates one schema only.");
        }

        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>())
        {
            var rules = AuthorizeRule.From(type);
            if (rules.Count == 0)
            {
                continue;
            }

            _protectedTypeNames.Add(type.Name);
            if (!clrTypes.TryGetValue(type.Name, out var clrType))
            {
                throw new SchemaBindingException(
                    [$"Type '{type.Name}' has @authorize but no mapped CLR type, so its objects cannot be recognised."]);
            }

            _protectedClrTypes[clrType] = rules;
        }

        _indexedSchema = schema;
    }

    /// <summary>
    /// Subscription fields: the field's rules are also checked when the subscription starts, so a denied caller
    /// gets an error instead of a stream. (Each event then runs the field resolver, checked again per event.)
    /// </summary>
    public ISourceStreamResolver? DecorateStream(FieldType field)
    {
        var fieldRules = AuthorizeRule.From(field);
        return field.StreamResolver is { } inner && fieldRules.Count > 0
            ? new StreamResolver(inner, fieldRules)
            : null;
    }

    private sealed class StreamResolver(ISourceStreamResolver inner, IReadOnlyList<AuthorizeRule> fieldRules)
        : ISourceStreamResolver
    {
        public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            var denial = await AuthorizationEvaluator.DenialAsync(context, fieldRules, context.Source ?? context)
                .ConfigureAwait(false);
            return denial is null
                ? await inner.ResolveAsync(context).ConfigureAwait(false)
                : throw AuthorizationEvaluator.Error(denial);
        }
    }

    private bool MayReturnProtectedObject(IGraphType? type) => type switch
    {
        NonNullGraphType n => MayReturnProtectedObject(n.ResolvedType),
        ListGraphType l => MayReturnProtectedObject(l.ResolvedType),
        IObjectGraphType o => _protectedTypeNames.Contains(o.Name),
        IAbstractGraphType a => a.PossibleTypes.Any(p => _protectedTypeNames.Contains(p.Name)),
        _ => false,
    };

    private IReadOnlyList<AuthorizeRule> RulesFor(object value) =>
        _rulesByRuntimeType.GetOrAdd(value.GetType(), type =>
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (_protectedClrTypes.TryGetValue(t, out var rules))
                {
                    return rules;
                }
            }

            return [];
        });

    private sealed class Resolver(
        AuthorizationDecorator owner, IFieldResolver inner, IReadOnlyList<AuthorizeRule> fieldRules, bool checksObjects)
        : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (fieldRules.Count > 0)
            {
                var denial = await AuthorizationEvaluator.DenialAsync(context, fieldRules, context.Source ?? context)
                    .ConfigureAwait(false);
                if (denial is not null)
                {
                    throw AuthorizationEvaluator.Error(denial);
                }
            }

            var result = await inner.ResolveAsync(context).ConfigureAwait(false);
            return checksObjects ? await owner.FilterAsync(context, result).ConfigureAwait(false) : result;
        }
    }

    private async ValueTask<object?> FilterAsync(IResolveFieldContext context, object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case IDataLoaderResult pending:
                // The object is known only once its batch has run: check it then.
                return new CheckedDataLoaderResult(this, context.Copy(), pending);
            case string:
                return value;
            case IEnumerable items:
                return await FilterListAsync(context, items).ConfigureAwait(false);
            default:
                var rules = RulesFor(value);
                if (rules.Count == 0)
                {
                    return value;
                }

                var denial = await AuthorizationEvaluator.DenialAsync(context, rules, value).ConfigureAwait(false);
                return denial is null ? value : throw AuthorizationEvaluator.Error(denial);
        }
    }

    private async ValueTask<object?> FilterListAsync(IResolveFieldContext context, IEnumerable items)
    {
        var filtered = new List<object?>();
        foreach (var item in items)
        {
            var rules = item is null ? [] : RulesFor(item);
            var denial = rules.Count == 0
                ? null
                : await AuthorizationEvaluator.DenialAsync(context, rules, item!).ConfigureAwait(false);
            if (denial is not null)
            {
                var error = AuthorizationEvaluator.Error(denial);
                error.Path = context.Path.Append(filtered.Count);
                error.AddLocation(context.FieldAst, context.Document);
                context.Errors.Add(error);
            }

            filtered.Add(denial is null ? item : null);
        }

        return filtered;
    }

    private sealed class CheckedDataLoaderResult(
        AuthorizationDecorator owner, IResolveFieldContext context, IDataLoaderResult inner) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var value = await inner.GetResultAsync(cancellationToken).ConfigureAwait(false);
            return await owner.FilterAsync(context, value).ConfigureAwait(false);
        }
    }
}
