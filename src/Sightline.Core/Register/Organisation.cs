namespace Sightline.Register;

/// <summary>The body that runs the register: a council, police force, NHS trust, university or operator.</summary>
public sealed class Organisation
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The organisation's name.</summary>
    public required string Name { get; set; }
}
