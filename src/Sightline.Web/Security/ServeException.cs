namespace Sightline.Web.Security;

/// <summary>A problem with where or how `sightline serve` was asked to listen; its message is one line for the operator.</summary>
public sealed class ServeException(string message) : Exception(message);
