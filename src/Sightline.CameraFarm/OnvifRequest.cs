using System.Xml;

namespace Sightline.CameraFarm;

/// <summary>
/// A SOAP request as a farm device reads it: the operation (the Body's first element, by namespace and local name),
/// the text of its arguments, and the WS-UsernameToken fields of its Security header. Read by namespace, so any
/// prefix (<c>s:</c>, <c>SOAP-ENV:</c>) or none at all is the same; SOAP 1.2 and 1.1 envelopes both.
/// </summary>
internal sealed record OnvifRequest(string Namespace, string Operation, IReadOnlyDictionary<string, string> Arguments, IReadOnlyDictionary<string, string> Security)
{
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope", Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /// <summary>
    /// The reader every device uses on what a client sends: no DTD (no entity expansion), no external resolution, and
    /// no more than the HTTP body cap of characters.
    /// </summary>
    public static XmlReaderSettings Safe { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Reads a request, or says what is wrong with it (not XML, not a SOAP envelope, an empty Body).</summary>
    public static OnvifRequest Parse(string soap)
    {
        using var reader = XmlReader.Create(new StringReader(soap), Safe);
        reader.MoveToContent();
        if (reader.LocalName != "Envelope" || reader.NamespaceURI is not (Soap12 or Soap11))
        {
            throw new XmlException($"the document is {{{reader.NamespaceURI}}}{reader.LocalName}, not a SOAP Envelope");
        }
        var envelope = reader.NamespaceURI;
        var (arguments, security) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        string? section = null, operationNamespace = null, operation = null;
        // The element whose text is being read, and where it goes; an element inside it means it was no leaf.
        (string Name, Dictionary<string, string> Into)? open = null;
        var text = "";
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    open = null;
                    if (reader.Depth == 1)
                    {
                        section = reader.NamespaceURI == envelope ? reader.LocalName : null;
                    }
                    else if (section == "Body" && reader.Depth == 2 && operation is null)
                    {
                        (operationNamespace, operation) = (reader.NamespaceURI, reader.LocalName);
                    }
                    else if (!reader.IsEmptyElement && (section == "Body" && reader.Depth > 2 || section == "Header" && reader.NamespaceURI is Wsse or Wsu))
                    {
                        (open, text) = ((reader.LocalName, section == "Body" ? arguments : security), "");
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    text += reader.Value;
                    break;
                case XmlNodeType.EndElement when open is { } leaf:
                    leaf.Into.TryAdd(leaf.Name, text.Trim()); // the first of each name
                    open = null;
                    break;
            }
        }
        return operation is null
            ? throw new XmlException("the SOAP Body names no operation")
            : new OnvifRequest(operationNamespace!, operation, arguments, security);
    }
}
