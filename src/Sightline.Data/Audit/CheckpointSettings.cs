namespace Sightline.Data.Audit;

/// <summary>
/// How the register's audit log is checkpointed (one row, set by `sightline init --checkpoint-key`): the register's
/// identity, the public key, and where the private key and the checkpoint files are. Never the private key itself.
/// </summary>
public sealed class CheckpointSettings
{
    /// <summary>Always 1: there is one setting per register.</summary>
    public int Id { get; set; } = 1;

    /// <summary>The identity every checkpoint of this register names (a random UUID made when a key was first set).</summary>
    public required string Register { get; set; }

    /// <summary>The public key that signs the checkpoints: DER SubjectPublicKeyInfo in Base64.</summary>
    public required string PublicKey { get; set; }

    /// <summary>The private key's file, outside the register.</summary>
    public required string KeyFile { get; set; }

    /// <summary>The folder checkpoint files are written to.</summary>
    public required string Folder { get; set; }

    /// <summary>A checkpoint is written once this many entries have been added since the last one (besides the end of each command).</summary>
    public int Every { get; set; }
}
