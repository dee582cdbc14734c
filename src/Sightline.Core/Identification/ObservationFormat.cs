namespace Sightline.Identification;

/// <summary>How an observation's text is read into named fields for rules to match.</summary>
public enum ObservationFormat
{
    /// <summary>No fields: rules match the whole text.</summary>
    Text,
    /// <summary>An XML document: element names, attribute names and declared namespaces become fields.</summary>
    Xml,
    /// <summary>A JSON document, possibly after a binary header: property names become fields.</summary>
    Json,
    /// <summary>Lines of <c>key=value</c> (or <c>KEY:value</c>).</summary>
    KeyValue,
    /// <summary>JSON when it starts with '{', otherwise key=value lines.</summary>
    JsonOrKeyValue,
    /// <summary>
    /// A device document in whichever layout a client stored it: XML when it starts with '&lt;', JSON (or a Python
    /// dictionary printed by a client library) when with '{', otherwise <c>key: value</c> lines.
    /// </summary>
    Document,
    /// <summary>A whole HTTP/RTSP/SSDP message: <c>status</c>, one field per header (lower-case name), <c>body</c>, <c>title</c>, <c>header-names</c>.</summary>
    Message,
}
