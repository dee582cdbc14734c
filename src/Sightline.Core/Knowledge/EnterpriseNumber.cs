namespace Sightline.Knowledge;

/// <summary>
/// An IANA private enterprise number (the arc under 1.3.6.1.4.1 a company's SNMP objects live in), and the maker it
/// belongs to if we track it.
/// </summary>
public sealed record EnterpriseNumber(long Number, string Organisation, Maker? Maker, Provenance Provenance);
