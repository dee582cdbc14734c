namespace Sightline.Web.Reports;

/// <summary>A PDF could not be printed; the message says why and what to do.</summary>
public sealed class PdfException(string message) : Exception(message);
