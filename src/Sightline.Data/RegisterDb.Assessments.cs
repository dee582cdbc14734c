using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>Self-assessments against the Code's principles: question sets, scope, answers, evidence and action plans.</summary>
public abstract partial class RegisterDb
{
    public DbSet<StoredQuestionSet> QuestionSets => Set<StoredQuestionSet>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<AssessmentSystem> AssessmentSystems => Set<AssessmentSystem>();

    public DbSet<AssessmentAnswer> AssessmentAnswers => Set<AssessmentAnswer>();

    public DbSet<AssessmentEvidence> AssessmentEvidence => Set<AssessmentEvidence>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<AssessmentAction> AssessmentActions => Set<AssessmentAction>();

    static partial void ModelAssessments(ModelBuilder builder)
    {
        builder.Entity<StoredQuestionSet>(set =>
        {
            set.ToTable("question_sets");
            set.HasIndex(s => new { s.SetId, s.Version }).IsUnique();
        });
        builder.Entity<SelfAssessment>(assessment =>
        {
            assessment.ToTable("self_assessments");
            assessment.Property(a => a.State).HasConversion(WordConverter<AssessmentState>());
            assessment.HasOne<StoredQuestionSet>().WithMany().HasForeignKey(a => a.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AssessmentSystem>(scope =>
        {
            scope.ToTable("assessment_systems");
            scope.HasKey(s => new { s.AssessmentId, s.SystemId });
            scope.HasIndex(s => s.SystemId);
            scope.HasOne<SelfAssessment>().WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            scope.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(s => s.SystemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AssessmentAnswer>(answer =>
        {
            answer.ToTable("assessment_answers");
            answer.HasIndex(a => new { a.AssessmentId, a.QuestionId }).IsUnique();
            answer.Property(a => a.Answer).HasConversion(WordConverter<ClosedAnswer>());
            answer.HasOne<SelfAssessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AssessmentEvidence>(evidence =>
        {
            evidence.ToTable("assessment_evidence");
            evidence.HasIndex(e => new { e.AssessmentId, e.Principle });
            evidence.Property(e => e.Kind).HasConversion(WordConverter<EvidenceKind>());
            evidence.HasOne<SelfAssessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EvidenceFile>(file =>
        {
            file.ToTable("evidence_files");
            file.HasKey(f => f.EvidenceId);
            file.Property(f => f.EvidenceId).ValueGeneratedNever();
            file.HasOne<AssessmentEvidence>().WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AssessmentAction>(action =>
        {
            action.ToTable("assessment_actions");
            action.HasIndex(a => new { a.AssessmentId, a.Principle });
            action.Property(a => a.Status).HasConversion(WordConverter<ActionStatus>());
            action.HasOne<SelfAssessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
