namespace Sightline.Audit;

/// <summary>A checkpoint key that cannot be read, made or used, with a message saying which file and why.</summary>
public sealed class CheckpointKeyException(string message, Exception? inner = null) : Exception(message, inner);
