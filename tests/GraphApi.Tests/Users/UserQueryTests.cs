using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Users;

public sealed class UserQueryTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task Me_answers_the_caller()
    {
        var response = await fixture.Alice.PostAsync("{ me { username role email createdAt } }");

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task Me_is_AUTH_NOT_AUTHENTICATED_for_anonymous_callers()
    {
        var response = await fixture.Anonymous.PostAsync("{ me { username } }");

        Assert.Null(response.Data!["me"]);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task UserById_is_a_public_profile_with_private_fields_guarded()
    {
        var id = GlobalId.Encode("User", fixture.Data.Alice.Id);

        var response = await fixture.Bob.PostAsync(
            "query($id: ID!) { userById(id: $id) { username role email orders { totalCount } } }", new { id });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("Alice", response.Data!["userById"]!["username"]!.GetValue<string>());
        Assert.Null(response.Data!["userById"]!["email"]);
        Assert.Null(response.Data!["userById"]!["orders"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_user_reads_their_own_email_and_orders()
    {
        var id = GlobalId.Encode("User", fixture.Data.Alice.Id);

        var response = await fixture.Alice.PostAsync(
            "query($id: ID!) { userById(id: $id) { email orders(order: [{ createdAt: DESC }]) { totalCount nodes { status } } } }", new { id });

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task Users_is_for_admins_only()
    {
        var asCustomer = await fixture.Alice.PostAsync("{ users { totalCount } }");
        var asAnonymous = await fixture.Anonymous.PostAsync("{ users { totalCount } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], asCustomer.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], asAnonymous.ErrorCodes);
    }

    [Fact]
    public async Task Admins_list_filter_and_sort_users_with_their_orders()
    {
        var response = await fixture.Admin.PostAsync("""
            {
              users(where: { role: { eq: CUSTOMER }, username: { startsWith: "A" } }, order: [{ username: ASC }]) {
                totalCount
                nodes { username email orders(first: 2, order: [{ total: DESC }]) { totalCount nodes { total } pageInfo { hasNextPage } } }
              }
            }
            """);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }
}
