namespace Sightline.Compliance;

/// <summary>A database a system matches what it sees against (an ANPR hot list, a face-recognition watch list): principle 12.</summary>
public sealed class ReferenceDatabase
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system that uses it.</summary>
    public int SystemId { get; set; }

    /// <summary>Its name.</summary>
    public required string Name { get; set; }

    /// <summary>What it is: hot list, watch list, other.</summary>
    public required string Kind { get; set; }

    /// <summary>When its contents were last reviewed.</summary>
    public DateOnly? LastReviewed { get; set; }

    /// <summary>When its contents must next be reviewed.</summary>
    public DateOnly? ReviewDue { get; set; }
}
