using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GraphApi.Products;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("Products");
        product.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength).IsRequired();
        product.Property(p => p.Name).IsRequired();
        product.HasIndex(p => p.Sku).IsUnique();
    }
}
