using Microsoft.EntityFrameworkCore;
using Sightline.Procurement;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>Suppliers, the devices they delivered or maintain, and the due-diligence questionnaires sent to them with the replies.</summary>
public abstract partial class RegisterDb
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<SupplierDevice> SupplierDevices => Set<SupplierDevice>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<QuestionnaireReply> QuestionnaireReplies => Set<QuestionnaireReply>();

    static partial void ModelProcurement(ModelBuilder builder)
    {
        builder.Entity<Supplier>(supplier =>
        {
            supplier.ToTable("suppliers");
            supplier.HasIndex(s => s.LegalName).IsUnique();
        });
        builder.Entity<SupplierDevice>(link =>
        {
            link.ToTable("supplier_devices");
            link.HasKey(l => new { l.SupplierId, l.DeviceId, l.Link });
            link.HasIndex(l => l.DeviceId);
            link.Property(l => l.Link).HasConversion(WordConverter<DeviceLink>());
            link.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<Device>().WithMany().HasForeignKey(l => l.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Questionnaire>(questionnaire =>
        {
            questionnaire.ToTable("questionnaires");
            questionnaire.HasIndex(q => q.SupplierId);
            questionnaire.HasOne<Supplier>().WithMany().HasForeignKey(q => q.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<QuestionnaireReply>(reply =>
        {
            reply.ToTable("questionnaire_replies");
            reply.HasIndex(r => r.QuestionnaireId);
            reply.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        });
        ModelProcurementCases(builder);
    }
}
