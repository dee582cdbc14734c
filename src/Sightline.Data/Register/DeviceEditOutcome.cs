namespace Sightline.Data.Register;

/// <summary>
/// What a change to one device came to: the device's ID and whether anything changed, or the problems that stopped it
/// (then nothing was written). <see cref="Stale"/> when the device changed after the person began the change.
/// </summary>
public sealed record DeviceEditOutcome(int? DeviceId, bool Changed, IReadOnlyList<DeviceEditProblem> Problems, bool Stale = false)
{
    /// <summary>Whether the change was made (or there was nothing to change).</summary>
    public bool Succeeded => Problems.Count == 0;

    internal static DeviceEditOutcome Refused(int? deviceId, params DeviceEditProblem[] problems) => new(deviceId, false, problems);
}
