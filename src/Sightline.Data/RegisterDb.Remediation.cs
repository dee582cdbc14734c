using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Remediation;

namespace Sightline.Data;

/// <summary>The remediation plan: one line per flagged device, with its disposition, owner, target, cost, status and any exception.</summary>
public abstract partial class RegisterDb
{
    public DbSet<RemediationItem> RemediationItems => Set<RemediationItem>();

    static partial void ModelRemediation(ModelBuilder builder)
    {
        builder.Entity<RemediationItem>(item =>
        {
            item.ToTable("remediation_items");
            item.HasIndex(i => i.DeviceId).IsUnique();
            item.Property(i => i.Disposition).HasConversion(WordConverter<Disposition>());
            item.Property(i => i.Status).HasConversion(WordConverter<RemediationStatus>());
            item.Property(i => i.Cost).HasPrecision(12, 2);
            item.HasOne<Device>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
