using System.Net;
using System.Net.Sockets;
using Sightline.Web.Pages.Account;
using Sightline.Web.Tests.Browser;

namespace Sightline.Web.Tests.Sessions;

/// <summary>Failed sign-ins pause one name from one address; they tell no one which names exist.</summary>
public sealed class SignInPauseTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task FailedSignIns_AnswerAlike_ForAnAccountAndANameThatIsNone(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = app.Client();

        var known = await AnswersAsync(client, "viewer");
        var unknown = await AnswersAsync(client, "nobody-here");

        Assert.Equal(known, unknown);
        Assert.Equal([.. Enumerable.Repeat(LoginModel.Mismatch, 5), LoginModel.Paused], known);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task APausedName_StaysOutFromThatAddress_UntilUsersUnlock(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = app.Client();
        await AnswersAsync(client, "admin");

        var paused = await client.SignInAsync("admin", WebApp.Password);
        Assert.Contains(WebUtility.HtmlEncode(LoginModel.Paused), await paused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unlocked = await register.RunAsync("", "users", "unlock", "admin");
        var signedIn = await client.SignInAsync("admin", WebApp.Password);

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("Account admin can sign in.", unlocked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task FailuresFromAnotherAddress_DoNotKeepTheAdminOut(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var server = await LiveServer.StartAsync(register);
        using var stranger = ClientFrom(server, IPAddress.Parse("127.0.0.2"));
        using var owner = ClientFrom(server, IPAddress.Loopback);

        var answers = await AnswersAsync(stranger, "admin");
        var strangerWithThePassword = await stranger.SignInAsync("admin", WebApp.Password);
        var ownerSignIn = await owner.SignInAsync("admin", WebApp.Password);

        Assert.Equal(LoginModel.Paused, answers[^1]);
        Assert.Equal(HttpStatusCode.OK, strangerWithThePassword.StatusCode); // paused there
        Assert.Equal(HttpStatusCode.Redirect, ownerSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Admin/Users")).StatusCode);
    }

    // Six wrong passwords in a row; the problem each answer shows.
    private static async Task<List<string>> AnswersAsync(WebClient client, string name)
    {
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.SignInAsync(name, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var problem = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"problem\" role=\"alert\">([^<]*)</p>");
            answers.Add(WebUtility.HtmlDecode(problem.Groups[1].Value));
        }
        return answers;
    }

    // A client on a real connection from the given loopback address, so the server sees that address.
    private static WebClient ClientFrom(LiveServer server, IPAddress from)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new WebClient(new HttpClient(handler) { BaseAddress = new Uri(server.Address) });
    }
}
