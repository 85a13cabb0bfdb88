namespace GraphApi.Users;

/// <summary>The unique keys of a <see cref="User"/>, as the database enforces them.</summary>
internal enum UserUniqueKey
{
    Username,
    Email,
}
