namespace Sightline.Knowledge;

/// <summary>A block of MAC addresses registered with the IEEE, and the maker it belongs to if we track it.</summary>
public sealed record OuiBlock(string Prefix, string Registry, string Organisation, Maker? Maker, Provenance Provenance);
