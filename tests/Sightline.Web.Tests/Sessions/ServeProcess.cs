using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests.Sessions;

/// <summary>`sightline serve` as a real process on a loopback port of its own choosing: one web node.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServeProcess(Process process, StringBuilder output, string address) => (_process, _output, Address) = (process, output, address);

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; }

    public static async Task<ServeProcess> StartAsync(TestRegister register)
    {
        var sightline = Path.Combine(AppContext.BaseDirectory, "sightline.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", sightline, "serve", "--urls", "http://127.0.0.1:0", .. register.Options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            // Kestrel logs the address it really bound (the port was 0).
            if (ListeningPattern().Match(e.Data ?? "") is { Success: true } match)
            {
                listening.TrySetResult(match.Groups[1].Value);
            }
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"sightline serve ended early: {output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return new ServeProcess(process, output, address);
    }

    /// <summary>A client of this node keeping its cookies in <paramref name="cookies"/>, which may be another node's too (one browser).</summary>
    public WebClient Client(CookieContainer cookies) =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = new Uri(Address) });

    /// <summary>GET with only this Cookie header, as someone holding a copy of the cookie would.</summary>
    public async Task<HttpResponseMessage> GetWithCookieAsync(string cookie, string path)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public override string ToString()
    {
        lock (_output)
        {
            return $"{Address}: {_output}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
