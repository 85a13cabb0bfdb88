using GraphApi.Server;
using GraphApi.Server.Sse;
using GraphApi.Server.WebSockets;
using Microsoft.Extensions.Options;

namespace GraphApi.Auth;

/// <summary>Bearer tokens on the streaming transports, as HTTP requests have them through ASP.NET Core.</summary>
internal static class AuthGraphQLServerBuilderExtensions
{
    /// <summary>
    /// Sockets authenticate with the token of <c>connection_init</c> or the upgrade request (bad token: 4403), and
    /// SSE streams end at the token's expiry plus the skew bearer validation allows, as sockets close with 4403.
    /// </summary>
    public static GraphQLServerBuilder AddTokenAuthentication(this GraphQLServerBuilder builder)
    {
        builder.Services.AddSingleton<IWebSocketAuthenticator, JwtWebSocketAuthenticator>();
        builder.Services.AddOptions<SseOptions>().Configure<IOptions<JwtOptions>>(
            (sse, jwt) => sse.CredentialClockSkew = TimeSpan.FromSeconds(jwt.Value.ClockSkewSeconds));
        return builder;
    }
}
