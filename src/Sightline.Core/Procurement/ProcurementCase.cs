namespace Sightline.Procurement;

/// <summary>A procurement of surveillance equipment or services, followed stage by stage (<see cref="CaseStage"/>).</summary>
public sealed class ProcurementCase
{
    /// <summary>Surrogate key, shown as the case's number.</summary>
    public int Id { get; set; }

    /// <summary>What is being bought, in a line.</summary>
    public string Title { get; set; } = "";

    /// <summary>The platform makers the specification rules out (knowledge maker IDs, separated by ';'); a delivered device made by one fails acceptance.</summary>
    public string ExcludedMakers { get; set; } = "";

    /// <summary>The day the case was opened.</summary>
    public DateOnly Opened { get; set; }
}
