using GraphApi.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GraphApi.Orders;

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> item)
    {
        item.ToTable("OrderItems");
        item.Ignore(i => i.LineTotal);
        item.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
        // HasForeignKey creates the OrderId/ProductId indexes too; they are declared so the intent is visible.
        item.HasIndex(i => i.OrderId);
        item.HasIndex(i => i.ProductId);
    }
}
