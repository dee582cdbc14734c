using Microsoft.EntityFrameworkCore;
using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>What may be published: the public site's settings and the publication rules of systems and devices.</summary>
public abstract partial class RegisterDb
{
    public DbSet<PublicationRule> PublicationRules => Set<PublicationRule>();

    public DbSet<PublicSettings> PublicSettings => Set<PublicSettings>();

    static partial void ModelPublishing(ModelBuilder builder)
    {
        builder.Entity<PublicationRule>(rule =>
        {
            rule.ToTable("publication_rules");
            rule.HasIndex(r => r.SystemId).IsUnique();
            rule.HasIndex(r => r.DeviceId).IsUnique();
            rule.Property(r => r.Location).HasConversion(WordConverter<LocationLevel>());
            rule.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(r => r.SystemId).OnDelete(DeleteBehavior.Cascade);
            rule.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PublicSettings>(settings =>
        {
            settings.ToTable("public_settings");
            settings.Property(s => s.Id).ValueGeneratedNever();
        });
    }
}
