using Microsoft.EntityFrameworkCore;
using Sightline.Procurement;

namespace Sightline.Data;

/// <summary>Procurement cases: stages with their sign-offs, bidders, the specification, exclusion checks and decisions, acceptance checks.</summary>
public abstract partial class RegisterDb
{
    public DbSet<ProcurementCase> ProcurementCases => Set<ProcurementCase>();

    public DbSet<CaseStageRecord> CaseStages => Set<CaseStageRecord>();

    public DbSet<CaseBidder> CaseBidders => Set<CaseBidder>();

    public DbSet<SpecificationItem> SpecificationItems => Set<SpecificationItem>();

    public DbSet<AssociatedPerson> AssociatedPersons => Set<AssociatedPerson>();

    public DbSet<GroundAssessment> GroundAssessments => Set<GroundAssessment>();

    public DbSet<DebarmentCheck> DebarmentChecks => Set<DebarmentCheck>();

    public DbSet<ExclusionDecision> ExclusionDecisions => Set<ExclusionDecision>();

    public DbSet<AcceptanceCheck> AcceptanceChecks => Set<AcceptanceCheck>();

    private static void ModelProcurementCases(ModelBuilder builder)
    {
        builder.Entity<ProcurementCase>(c => c.ToTable("procurement_cases"));
        builder.Entity<CaseStageRecord>(stage =>
        {
            stage.ToTable("case_stages");
            stage.HasKey(s => new { s.CaseId, s.Stage });
            stage.Property(s => s.Stage).HasConversion(WordConverter<CaseStage>());
            stage.HasOne<ProcurementCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CaseBidder>(bidder =>
        {
            bidder.ToTable("case_bidders");
            bidder.HasKey(b => new { b.CaseId, b.SupplierId });
            bidder.HasOne<ProcurementCase>().WithMany().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Cascade);
            bidder.HasOne<Supplier>().WithMany().HasForeignKey(b => b.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SpecificationItem>(item =>
        {
            item.ToTable("specification_items");
            item.HasIndex(i => i.CaseId);
            item.HasOne<ProcurementCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AssociatedPerson>(person =>
        {
            person.ToTable("associated_persons");
            person.HasIndex(p => new { p.CaseId, p.SupplierId });
            person.HasOne<CaseBidder>().WithMany().HasForeignKey(p => new { p.CaseId, p.SupplierId }).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<GroundAssessment>(assessment =>
        {
            assessment.ToTable("ground_assessments");
            assessment.HasIndex(a => new { a.CaseId, a.SupplierId });
            assessment.Property(a => a.PersonKind).HasConversion(WordConverter<PersonKind>());
            assessment.HasOne<CaseBidder>().WithMany().HasForeignKey(a => new { a.CaseId, a.SupplierId }).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DebarmentCheck>(check =>
        {
            check.ToTable("debarment_checks");
            check.HasIndex(c => new { c.CaseId, c.SupplierId });
            check.Property(c => c.PersonKind).HasConversion(WordConverter<PersonKind>());
            check.Property(c => c.Result).HasConversion(WordConverter<DebarmentResult>());
            check.HasOne<CaseBidder>().WithMany().HasForeignKey(c => new { c.CaseId, c.SupplierId }).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ExclusionDecision>(decision =>
        {
            decision.ToTable("exclusion_decisions");
            decision.HasKey(d => new { d.CaseId, d.SupplierId });
            decision.Property(d => d.Outcome).HasConversion(WordConverter<ExclusionOutcome>());
            decision.HasOne<CaseBidder>().WithMany().HasForeignKey(d => new { d.CaseId, d.SupplierId }).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AcceptanceCheck>(check =>
        {
            check.ToTable("acceptance_checks");
            check.HasIndex(c => c.CaseId);
            check.HasOne<ProcurementCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
