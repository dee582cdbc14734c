using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>Why a change to a device was refused: the field at fault (null when the whole change is), and what is wrong with it.</summary>
public sealed record DeviceEditProblem(DeviceColumn? Column, string Message);
