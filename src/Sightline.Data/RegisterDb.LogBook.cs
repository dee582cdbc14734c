using Microsoft.EntityFrameworkCore;
using Sightline.LogBook;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>The log book: what is done with footage — subject access requests, holds, viewings and exports, disclosures.</summary>
public abstract partial class RegisterDb
{
    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();

    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();

    public DbSet<FootageAccess> FootageAccesses => Set<FootageAccess>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<RecorderRetention> RecorderRetentions => Set<RecorderRetention>();

    static partial void ModelLogbook(ModelBuilder builder)
    {
        builder.Entity<SubjectAccessRequest>(request =>
        {
            request.ToTable("subject_access_requests");
            request.Ignore(r => r.Stage);
            request.Property(r => r.Redaction).HasConversion(WordConverter<Redaction>());
            request.Property(r => r.Outcome).HasConversion(WordConverter<SarOutcome>());
            request.HasIndex(r => r.Closed);
        });
        builder.Entity<LegalHold>(hold =>
        {
            hold.ToTable("legal_holds");
            hold.Property(h => h.Reason).HasConversion(WordConverter<HoldReason>());
            hold.HasIndex(h => h.Released);
        });
        builder.Entity<FootageAccess>(access =>
        {
            access.ToTable("footage_access");
            access.Property(a => a.Action).HasConversion(WordConverter<AccessAction>());
            access.HasIndex(a => a.At);
            access.HasIndex(a => new { a.SystemId, a.At });
            access.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(a => a.SystemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Disclosure>(disclosure =>
        {
            disclosure.ToTable("disclosures");
            disclosure.Ignore(d => d.Stage);
            disclosure.Property(d => d.Decision).HasConversion(WordConverter<DisclosureDecision>());
            disclosure.HasIndex(d => d.Closed);
        });
        builder.Entity<RecorderRetention>(reading =>
        {
            reading.ToTable("recorder_retention");
            reading.HasIndex(r => new { r.DeviceId, r.ReadAt });
            reading.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
