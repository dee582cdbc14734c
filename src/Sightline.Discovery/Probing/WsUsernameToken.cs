using System.Security.Cryptography;
using System.Text;

namespace Sightline.Probing;

/// <summary>
/// ONVIF's WS-Security UsernameToken with a password digest: Base64(SHA-1(nonce ‖ created ‖ password)), so the
/// password itself never crosses the network.
/// </summary>
public static class WsUsernameToken
{
    /// <summary>The digest for a nonce, a creation time as sent, and a password.</summary>
    public static string Digest(byte[] nonce, string created, string password) =>
#pragma warning disable CA5350 // SHA-1 is what the WS-Security UsernameToken profile defines; the devices accept nothing else.
        Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(created), .. Encoding.UTF8.GetBytes(password)]));
#pragma warning restore CA5350

    /// <summary>A SOAP <c>Security</c> header for the user, dated by the device's clock.</summary>
    public static string Header(string user, string password, DateTimeOffset deviceTime, byte[] nonce)
    {
        var created = deviceTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        return "<s:Header><Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">" +
            $"<UsernameToken><Username>{System.Security.SecurityElement.Escape(user)}</Username>" +
            $"<Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">{Digest(nonce, created, password)}</Password>" +
            $"<Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{Convert.ToBase64String(nonce)}</Nonce>" +
            $"<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">{created}</Created>" +
            "</UsernameToken></Security></s:Header>";
    }
}
