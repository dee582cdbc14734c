using Sightline.Register;

namespace Sightline.Data.Signage;

/// <summary>
/// What a printed sign says about one system, in the order of DTPR's questions: purpose, who is accountable, what is
/// captured, how long it is kept, and how to access your data or complain. Read by <see cref="SystemSigns"/>.
/// </summary>
/// <param name="SystemId">The system's ID, which its public page is named by.</param>
/// <param name="System">The system's name.</param>
/// <param name="Type">What kind of surveillance it does.</param>
/// <param name="Purposes">Its purposes, as recorded.</param>
/// <param name="Accountable">The data controller: the system's, or else the organisation's legal name or name.</param>
/// <param name="IcoRegistration">The organisation's ICO registration number, when recorded.</param>
/// <param name="Captured">What is captured, in words, most identifying first.</param>
/// <param name="RetentionDays">The longest time recordings are kept (the system's or one of its purposes'); null when not recorded.</param>
/// <param name="ContactPoint">The organisation's contact point for information and complaints.</param>
/// <param name="DataProtectionOfficer">The organisation's Data Protection Officer.</param>
/// <param name="Camera">The one camera the sign is for (asset ID, or "device N"), or null for the whole system.</param>
/// <param name="Place">The camera's site, or null.</param>
public sealed record SystemSign(int SystemId, string System, SystemType Type, IReadOnlyList<string> Purposes, string Accountable, string? IcoRegistration,
    IReadOnlyList<string> Captured, int? RetentionDays, string? ContactPoint, string? DataProtectionOfficer, string? Camera, string? Place);
