using System.Net;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests;

/// <summary>An HTTP client that fills in forms as a browser would: it reads the antiforgery token from the page first.</summary>
public sealed partial class WebClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> PageAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostFormAsync("/Account/Login", "/Account/Login", ("name", name), ("password", password));

    /// <summary>Opens <paramref name="page"/>, takes its antiforgery token, and posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await PageAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        return await PostAsync(action, [.. fields, ("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
    }

    /// <summary>Posts fields as they are, with no antiforgery token unless given.</summary>
    public Task<HttpResponseMessage> PostAsync(string action, params (string Name, string Value)[] fields) =>
        http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Posts a file upload with the antiforgery token of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> UploadAsync(string page, string action, string fileName, string content, params (string Name, string Value)[] fields) =>
        UploadAsync(page, action, fileName, System.Text.Encoding.UTF8.GetBytes(content), fields);

    /// <summary>Posts a file of exactly these bytes with the antiforgery token of <paramref name="page"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, string action, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var html = await PageAsync(page);
        var token = TokenPattern().Match(html);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await http.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of a page already fetched.</summary>
    public static string TokenIn(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
