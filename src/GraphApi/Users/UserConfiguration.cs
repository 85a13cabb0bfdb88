using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GraphApi.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("Users");
        user.Property(u => u.Username).HasMaxLength(UserRules.UsernameMaxLength).IsRequired();
        user.Property(u => u.NormalizedUsername).HasMaxLength(UserRules.UsernameMaxLength).IsRequired();
        user.Property(u => u.Email).HasMaxLength(UserRules.EmailMaxLength).IsRequired();
        user.Property(u => u.PasswordHash).IsRequired();
        user.HasIndex(u => u.NormalizedUsername).IsUnique();
        user.HasIndex(u => u.Email).IsUnique();
    }
}
