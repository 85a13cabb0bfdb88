using System.Text;
using GraphApi.Auth.PasswordHashing;
using GraphApi.Auth.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication (issuer, audience, lifetime with a small skew, HS256 signature) and the policies the
    /// SDL names. A bad token never fails the request: JwtBearer only leaves the caller anonymous, and
    /// <c>@authorize</c> answers AUTH_NOT_AUTHENTICATED where it matters. Outside Development a missing, short or
    /// development key stops start-up. Also the login and registration rate limits (<c>RateLimits:Login</c>) and the
    /// bounded password-hashing queue (<c>Auth:Argon2:MaxConcurrency</c>, <c>Auth:Argon2:QueueLimit</c>).
    /// </summary>
    public static IServiceCollection AddAppAuth(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrEmpty(settings.SigningKey) && environment.IsDevelopment())
        {
            settings.SigningKey = JwtOptions.DevelopmentSigningKey;
        }

        if (Encoding.UTF8.GetByteCount(settings.SigningKey ?? "") < JwtOptions.MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey must be set to a secret of at least {JwtOptions.MinimumKeyBytes} bytes " +
                "(e.g. environment variable Jwt__SigningKey). Only Development has a built-in default.");
        }

        if (!environment.IsDevelopment() && DevelopmentSigningKeys.IsKnown(settings.SigningKey!, environment.ContentRootPath))
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey is the development key (published in {DevelopmentSigningKeys.DevelopmentSettingsFile}); "
                + $"anyone could sign tokens with it. Set a secret key of at least {JwtOptions.MinimumKeyBytes} bytes "
                + $"for the {environment.EnvironmentName} environment (e.g. environment variable Jwt__SigningKey).");
        }

        services.AddOptions<JwtOptions>().Configure(o =>
        {
            o.SigningKey = settings.SigningKey;
            o.Issuer = settings.Issuer;
            o.Audience = settings.Audience;
            o.LifetimeMinutes = settings.LifetimeMinutes;
            o.ClockSkewSeconds = settings.ClockSkewSeconds;
        });
        services.AddSingleton<JwtTokenIssuer>();

        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = JwtTokenIssuer.SigningKey(settings),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
                    NameClaimType = AppClaims.Username,
                    RoleClaimType = AppClaims.Role,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AppPolicies.SelfOrAdmin, p => p.AddRequirements(new SelfOrAdminRequirement()))
            .AddPolicy(AppPolicies.OrderOwnerOrAdmin, p => p.AddRequirements(new OrderOwnerOrAdminRequirement()));
        services.AddSingleton<IAuthorizationHandler, SelfOrAdminHandler>();
        services.AddSingleton<IAuthorizationHandler, OrderOwnerOrAdminHandler>();

        services.AddOptions<LoginRateLimitOptions>()
            .Bind(configuration.GetSection(LoginRateLimitOptions.SectionName))
            .Validate(o => o.IsValid, LoginRateLimitOptions.InvalidMessage)
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PasswordHashingQueue>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ClientAddress>();
        return services;
    }
}
