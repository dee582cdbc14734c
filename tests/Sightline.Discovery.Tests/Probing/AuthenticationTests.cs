using Sightline.Probing;

namespace Sightline.Discovery.Tests.Probing;

/// <summary>The two login schemes identity calls use, checked against the worked examples their specifications publish.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public void HttpDigest_MatchesTheRfc2617Example()
    {
        // RFC 2617 §3.5: user Mufasa, password "Circle Of Life", GET /dir/index.html.
        var response = HttpDigest.Response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void HttpDigest_AnswersAChallenge_WithItsRealmNonceAndOpaque()
    {
        var header = HttpDigest.Authorization("Digest realm=\"Login to 4M0747EPAA1D284\", qop=\"auth\", nonce=\"123\", opaque=\"abc\"", "GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo", "admin", "secret", "cafe");

        Assert.NotNull(header);
        var fields = HttpDigest.Parameters(header![7..]);
        Assert.Equal("Login to 4M0747EPAA1D284", fields["realm"]);
        Assert.Equal("123", fields["nonce"]);
        Assert.Equal("abc", fields["opaque"]);
        Assert.Equal(HttpDigest.Response("admin", "Login to 4M0747EPAA1D284", "secret", "GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo", "123", "00000001", "cafe", "auth"), fields["response"]);
        Assert.DoesNotContain("secret", header, StringComparison.Ordinal);
        Assert.Null(HttpDigest.Authorization("Basic realm=\"x\"", "GET", "/", "admin", "secret", "cafe"));
    }

    [Fact]
    public void WsUsernameToken_MatchesTheOnvifProgrammersGuideExample()
    {
        // ONVIF Application Programmer's Guide §6.1.1.3: nonce LKqI6G/AikKCQrN0zqZFlg==, created 2010-09-16T07:50:45Z, password userpassword.
        var digest = WsUsernameToken.Digest(Convert.FromBase64String("LKqI6G/AikKCQrN0zqZFlg=="), "2010-09-16T07:50:45Z", "userpassword");

        Assert.Equal("tuOSpGlFlIXsozq4HFNeeGeFLEI=", digest);
    }

    [Fact]
    public void WsUsernameToken_HeaderCarriesTheDigest_NotThePassword()
    {
        var header = WsUsernameToken.Header("admin", "s3cret<&>", new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), new byte[16]);

        Assert.Contains("<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">2026-11-29T08:00:00.000Z</Created>", header, StringComparison.Ordinal);
        Assert.Contains(WsUsernameToken.Digest(new byte[16], "2026-11-29T08:00:00.000Z", "s3cret<&>"), header, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", header, StringComparison.Ordinal);
    }
}
