namespace Sightline.Data.Publishing;

/// <summary>Something held back from the public, in the public's words, with the exemption relied on and when it is next reviewed.</summary>
public sealed record PublicWithholding(string What, string Basis, DateOnly? Review);
