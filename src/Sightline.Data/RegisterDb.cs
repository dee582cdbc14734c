using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Sightline.Audit;
using Sightline.Data.Accounts;
using Sightline.Identification;
using Sightline.Register;

namespace Sightline.Data;

/// <summary>
/// The register: organisation, sites, systems, devices and the audit log, and the web application's accounts
/// (ASP.NET Core Identity), web sessions, API tokens and data-protection keys. One subclass per provider carries that
/// provider's migrations.
/// </summary>
public abstract partial class RegisterDb(DbContextOptions options) : IdentityDbContext<Account>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<SurveillanceSystem> Systems => Set<SurveillanceSystem>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Audit.CheckpointSettings> CheckpointSettings => Set<Audit.CheckpointSettings>();

    public DbSet<Audit.StoredCheckpoint> StoredCheckpoints => Set<Audit.StoredCheckpoint>();

    public DbSet<Audit.ChainVerification> ChainVerifications => Set<Audit.ChainVerification>();

    public DbSet<DeviceIdentity> Identities => Set<DeviceIdentity>();

    public DbSet<IdentityOverride> Overrides => Set<IdentityOverride>();

    public DbSet<StoredObservation> Observations => Set<StoredObservation>();

    /// <summary>Every host each scan found, devices or not.</summary>
    public DbSet<Scanning.ScanFinding> ScanFindings => Set<Scanning.ScanFinding>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<WebKey> WebKeys => Set<WebKey>();

    public DbSet<WebSession> WebSessions => Set<WebSession>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    /// <summary>True for PostgreSQL, false for SQLite.</summary>
    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Accounts(builder);
        builder.Entity<Organisation>().ToTable("organisations");
        builder.Entity<Site>(site =>
        {
            site.ToTable("sites");
            site.HasIndex(s => s.Name).IsUnique();
        });
        builder.Entity<SurveillanceSystem>(system =>
        {
            system.ToTable("systems");
            system.HasIndex(s => s.Name).IsUnique();
            system.Property(s => s.Type).HasConversion(WordConverter<SystemType>());
            system.Property(s => s.RetentionDeletion).HasConversion(WordConverter<Sightline.Compliance.RetentionDeletion>());
        });
        builder.Entity<Device>(device =>
        {
            device.ToTable("devices");
            device.Property(d => d.Id).ValueGeneratedNever();
            device.HasIndex(d => d.AssetId).IsUnique();
            device.HasIndex(d => d.Serial);
            device.HasIndex(d => d.MacAddress);
            // For the search box (an IP is what an alert or a scan gives) and the list's sort and search by model.
            device.HasIndex(d => d.IpAddress);
            // A page of one model, system or site in ID order, or of the list sorted by model, is read straight off these
            // indexes. SQLite's index entries end with the rowid, which is the id; PostgreSQL's must name it.
            if (IsPostgres)
            {
                // Room on each page for a new version of its rows, so that an update leaving every indexed column as it
                // was is a HOT update: no new entry in any of the eight indexes (issue 12: re-imports of half the estate).
                device.HasStorageParameter("fillfactor", 60);
                device.HasIndex(d => new { d.Model, d.Id });
                device.HasIndex(d => new { d.SystemId, d.Id });
                device.HasIndex(d => new { d.SiteId, d.Id });
            }
            else
            {
                device.HasIndex(d => d.Model);
                device.HasIndex(d => d.SystemId);
                device.HasIndex(d => d.SiteId);
            }
            device.HasOne<SurveillanceSystem>().WithMany().HasForeignKey(d => d.SystemId).OnDelete(DeleteBehavior.Restrict);
            device.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
            device.Property(d => d.Kind).HasConversion(WordConverter<DeviceKind>());
            device.Property(d => d.Status).HasConversion(WordConverter<DeviceStatus>());
            device.Property(d => d.Capabilities).HasConversion(
                flags => Words.OfFlags(flags),
                text => ParseFlags(text));
            device.Property(d => d.Attributes).HasConversion(
                attributes => AttributesJson(attributes),
                json => ParseAttributes(json),
                new ValueComparer<SortedDictionary<string, string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    a => a.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    a => new SortedDictionary<string, string>(a, StringComparer.Ordinal)));
        });
        builder.Entity<DeviceIdentity>(identity =>
        {
            identity.ToTable("identities");
            identity.HasKey(i => i.DeviceId);
            identity.Property(i => i.DeviceId).ValueGeneratedNever();
            identity.HasOne<Device>().WithOne().HasForeignKey<DeviceIdentity>(i => i.DeviceId).OnDelete(DeleteBehavior.Cascade);
            // The list filtered or sorted by maker reads a page straight off this index (see the devices' indexes).
            if (IsPostgres)
            {
                identity.HasIndex(i => new { i.Platform, i.DeviceId });
            }
            else
            {
                identity.HasIndex(i => i.Platform);
            }
            identity.Property(i => i.Flags).HasConversion<int>();
        });
        builder.Entity<IdentityOverride>(decision =>
        {
            decision.ToTable("identity_overrides");
            decision.HasKey(o => o.DeviceId);
            decision.Property(o => o.DeviceId).ValueGeneratedNever();
            decision.HasOne<Device>().WithOne().HasForeignKey<IdentityOverride>(o => o.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StoredObservation>(observation =>
        {
            observation.ToTable("observations");
            observation.HasIndex(o => o.DeviceId);
            observation.HasOne<Device>().WithMany().HasForeignKey(o => o.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Scanning.ScanFinding>(finding =>
        {
            finding.ToTable("scan_findings");
            finding.HasIndex(f => new { f.Scan, f.Address });
            finding.HasIndex(f => f.DeviceId);
        });
        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Sequence);
            audit.Property(a => a.Sequence).ValueGeneratedNever();
            audit.HasIndex(a => new { a.EntityType, a.EntityId });
        });
        builder.Entity<Audit.CheckpointSettings>(settings =>
        {
            settings.ToTable("audit_checkpoint_settings");
            settings.Property(s => s.Id).ValueGeneratedNever();
        });
        builder.Entity<Audit.StoredCheckpoint>(checkpoint =>
        {
            checkpoint.ToTable("audit_checkpoints");
            checkpoint.HasIndex(c => c.Sequence);
        });
        builder.Entity<Audit.ChainVerification>(verification =>
        {
            verification.ToTable("audit_chain_verification");
            verification.Property(v => v.Id).ValueGeneratedNever();
        });
        // Each feature area maps its own entities in its own file (RegisterDb.NAME.cs).
        ModelCompliance(builder);
        ModelAssessments(builder);
        ModelLogbook(builder);
        ModelProcurement(builder);
        ModelPublishing(builder);
        ModelRemediation(builder);
        SnakeCaseColumns(builder);
    }

    static partial void ModelCompliance(ModelBuilder builder);

    static partial void ModelAssessments(ModelBuilder builder);

    static partial void ModelLogbook(ModelBuilder builder);

    static partial void ModelProcurement(ModelBuilder builder);

    static partial void ModelPublishing(ModelBuilder builder);

    static partial void ModelRemediation(ModelBuilder builder);

    private static void Accounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>().ToTable("users");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");
        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.AccountId);
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WebKey>().ToTable("web_keys");
        modelBuilder.Entity<WebSession>(session =>
        {
            session.ToTable("web_sessions");
            session.Property(s => s.Id).HasMaxLength(64);
            session.HasIndex(s => s.AccountId);
            session.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SignInFailure>(failure =>
        {
            failure.ToTable("sign_in_failures");
            failure.HasKey(f => new { f.Name, f.Address });
            failure.Property(f => f.Name).HasMaxLength(256);
            failure.Property(f => f.Address).HasMaxLength(64);
        });
    }

    /// <summary>Attributes as stored: a JSON object with keys in ordinal order ("{}" when there are none).</summary>
    public static string AttributesJson(SortedDictionary<string, string> attributes) =>
        attributes.Count == 0 ? "{}" : JsonSerializer.Serialize(attributes, DataJson.Default.SortedDictionaryStringString);

    private static SortedDictionary<string, string> ParseAttributes(string json) =>
        json == "{}"
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(
                JsonSerializer.Deserialize(json, DataJson.Default.DictionaryStringString)!, StringComparer.Ordinal);

    private static Capabilities ParseFlags(string text) => Words.TryParseFlags(text, out var flags, out _) ? flags : Capabilities.None;

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> WordConverter<T>()
        where T : struct, Enum => new(value => Words.Of(value), text => Words.Parse<T>(text) ?? default);

    private static void SnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
            foreach (var key in entity.GetForeignKeys())
            {
                key.SetConstraintName($"fk_{entity.GetTableName()}_{SnakeCase(key.Properties[0].Name)}");
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
