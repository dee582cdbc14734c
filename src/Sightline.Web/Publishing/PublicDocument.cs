namespace Sightline.Web.Publishing;

/// <summary>
/// One rendered public response: its bytes in memory, or (when large) a file in the cache folder; with its content type
/// and a strong ETag made from its content, so a client's copy is current exactly when its bytes are.
/// </summary>
public sealed record PublicDocument(string ContentType, string ETag, long Length, byte[]? Bytes, string? Path);
