using System.Globalization;

namespace Sightline.Identification;

/// <summary>Reads the private enterprise number out of an SNMP object identifier, in the forms SNMP tools print it.</summary>
public static class SnmpObjectId
{
    // Numeric (with or without the leading dot), net-snmp's "iso." form, and the symbolic forms with the MIB module.
    private static readonly string[] Arcs = ["1.3.6.1.4.1.", "iso.3.6.1.4.1.", "enterprises."];
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>
    /// The enterprise number of an object identifier under 1.3.6.1.4.1 (".1.3.6.1.4.1.39165.1.1",
    /// "SNMPv2-SMI::enterprises.368", "iso.3.6.1.4.1.3967.1"); null for any other identifier or text.
    /// </summary>
    public static long? EnterpriseOf(string oid)
    {
        var text = oid.AsSpan().Trim();
        if (text.IndexOf("::", StringComparison.Ordinal) is >= 0 and var module)
        {
            text = text[(module + 2)..];
        }
        text = text.TrimStart('.');
        foreach (var arc in Arcs)
        {
            if (!text.StartsWith(arc, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = text[arc.Length..];
            var end = rest.IndexOfAnyExcept(Digits);
            var digits = end < 0 ? rest : rest[..end];
            // The number must end the identifier or be followed by a sub-identifier.
            if (digits.Length is > 0 and <= 10 && (end < 0 || rest[end] == '.')
                && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
            return null;
        }
        return null;
    }
}
