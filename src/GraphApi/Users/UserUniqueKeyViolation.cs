using GraphApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GraphApi.Users;

/// <summary>
/// Tells which unique index of <c>Users</c> a failed SaveChanges violated, so a registration that lost a race still
/// answers UsernameTakenError or EmailTakenError. Index and column names come from the EF model, not literals.
/// </summary>
internal static class UserUniqueKeyViolation
{
    public static UserUniqueKey? Find(DbUpdateException exception, IModel model)
    {
        var entity = model.FindEntityType(typeof(User))
            ?? throw new InvalidOperationException("The model has no User entity.");
        foreach (var (key, property) in new[]
                 {
                     (UserUniqueKey.Username, nameof(User.NormalizedUsername)),
                     (UserUniqueKey.Email, nameof(User.Email)),
                 })
        {
            var index = entity.GetIndexes().Single(i => i.IsUnique && i.Properties.Single().Name == property);
            if (UniqueViolation.Of(exception, entity, index))
            {
                return key;
            }
        }

        return null;
    }
}
