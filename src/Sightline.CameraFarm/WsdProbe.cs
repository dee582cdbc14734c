using System.Xml;

namespace Sightline.CameraFarm;

/// <summary>
/// A WS-Discovery Probe as a farm device reads it: its MessageID and the types it asks for, each resolved to its
/// namespace (a client may write <c>dn:NetworkVideoTransmitter</c>, <c>dp0:NetworkVideoTransmitter</c> or declare
/// the namespace as default; all mean the same type).
/// </summary>
internal sealed record WsdProbe(string MessageId, IReadOnlyList<XmlQualifiedName> Types)
{
    private static readonly string[] Discovery = ["http://schemas.xmlsoap.org/ws/2005/04/discovery", "http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01"];

    /// <summary>The namespaces of the prefixes the farm's personas write their types with (declared on their ProbeMatch).</summary>
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["dn"] = "http://www.onvif.org/ver10/network/wsdl",
        ["tds"] = "http://www.onvif.org/ver10/device/wsdl",
        ["wsdp"] = "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        ["pub"] = "http://schemas.microsoft.com/windows/pub/2005/07",
        ["wprt"] = "http://schemas.microsoft.com/windows/2006/08/wdp/print",
    };

    /// <summary>Reads a Probe, or null when the datagram is not a well-formed WS-Discovery Probe.</summary>
    public static WsdProbe? Read(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), OnvifRequest.Safe);
            var (messageId, isProbe) = ("", false);
            var types = new List<XmlQualifiedName>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.LocalName == "MessageID" && messageId.Length == 0)
                {
                    messageId = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.LocalName == "Probe" && Discovery.Contains(reader.NamespaceURI))
                {
                    isProbe = true;
                }
                else if (isProbe && reader.LocalName == "Types" && Discovery.Contains(reader.NamespaceURI))
                {
                    // Prefixes resolve where the Types element is, before reading moves past it.
                    var scope = ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.All);
                    types.AddRange(Split(reader.ReadElementContentAsString()).Select(name => Resolve(name, p => scope.TryGetValue(p, out var ns) ? ns : null)));
                }
            }
            return isProbe ? new WsdProbe(messageId, types) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The types a persona's <c>WsdTypes</c> names, by namespace.</summary>
    public static IReadOnlyList<XmlQualifiedName> Of(string wsdTypes) => Split(wsdTypes).Select(name => Resolve(name, Prefixes.GetValueOrDefault)).ToList();

    /// <summary>
    /// Whether a device of <paramref name="types"/> answers: every type probed must be one of the device's (WS-Discovery
    /// 2005/04, section 5.1); a probe naming no type matches all, unless the device ignores such probes.
    /// </summary>
    public bool Matches(IReadOnlyList<XmlQualifiedName> types, bool answersUntyped) => Types.Count == 0 ? answersUntyped : Types.All(types.Contains);

    private static string[] Split(string list) => list.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static XmlQualifiedName Resolve(string name, Func<string, string?> lookup)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new XmlQualifiedName(name, lookup("") ?? "") : new XmlQualifiedName(name[(colon + 1)..], lookup(name[..colon]) ?? $"undeclared:{name[..colon]}");
    }
}
