namespace Sightline.Data;

/// <summary>A problem with the register that the user can act on; its message is shown as it is, without a stack trace.</summary>
public sealed class RegisterException(string message, Exception? inner = null) : Exception(message, inner);
