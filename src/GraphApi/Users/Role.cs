namespace GraphApi.Users;

/// <summary>A user's role; stored as an int so sorting follows declaration order (CUSTOMER &lt; ADMIN).</summary>
internal enum Role
{
    Customer = 0,
    Admin = 1,
}
