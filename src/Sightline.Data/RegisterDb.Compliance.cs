using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>The organisation's and systems' Code of Practice records: purposes, reference databases, DPIAs and their triggers, certifications.</summary>
public abstract partial class RegisterDb
{
    public DbSet<SystemPurpose> SystemPurposes => Set<SystemPurpose>();

    public DbSet<ReferenceDatabase> ReferenceDatabases => Set<ReferenceDatabase>();

    public DbSet<Dpia> Dpias => Set<Dpia>();

    public DbSet<DpiaTrigger> DpiaTriggers => Set<DpiaTrigger>();

    public DbSet<Compliance.TriggerWatermark> TriggerWatermarks => Set<Compliance.TriggerWatermark>();

    public DbSet<Certification> Certifications => Set<Certification>();

    static partial void ModelCompliance(ModelBuilder builder)
    {
        builder.Entity<Organisation>().Property(o => o.PofaStatus).HasConversion(WordConverter<PofaStatus>());
        builder.Entity<SystemPurpose>(purpose =>
        {
            purpose.ToTable("system_purposes");
            purpose.HasIndex(p => new { p.SystemId, p.Name }).IsUnique();
            purpose.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(p => p.SystemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReferenceDatabase>(database =>
        {
            database.ToTable("reference_databases");
            database.HasIndex(d => d.SystemId);
            database.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(d => d.SystemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Dpia>(dpia =>
        {
            dpia.ToTable("dpias");
            dpia.HasIndex(d => d.SystemId);
            dpia.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(d => d.SystemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<DpiaTrigger>(trigger =>
        {
            trigger.ToTable("dpia_triggers");
            trigger.HasIndex(t => new { t.SystemId, t.Cleared });
            trigger.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(t => t.SystemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Compliance.TriggerWatermark>(watermark =>
        {
            watermark.ToTable("dpia_trigger_watermark");
            watermark.Property(w => w.Id).ValueGeneratedNever();
        });
        builder.Entity<Certification>(certification =>
        {
            certification.ToTable("certifications");
            certification.Property(c => c.Body).HasConversion(WordConverter<CertificationBody>());
            certification.Property(c => c.Step).HasConversion(WordConverter<CertificationStep>());
        });
    }
}
