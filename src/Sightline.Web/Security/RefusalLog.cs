using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sightline.Web.Security;

/// <summary>
/// Logs every request that authorisation refuses (not signed in, or a role that may not), with the account and the
/// client's address (the forwarded one only from a known proxy), so an operator sees probing and misuse. The path is
/// logged URL-encoded (PathString's text), so it cannot forge log lines, and without its query; credentials are never logged.
/// </summary>
public sealed partial class RefusalLog(ILogger<RefusalLog> log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var request = context.Request;
            var account = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";
            var address = context.Connection.RemoteIpAddress;
            if (authorizeResult.Forbidden)
            {
                Forbidden(log, request.Method, request.Path, account, address);
            }
            else
            {
                NotSignedIn(log, request.Method, request.Path, account, address);
            }
        }
        return _answer.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} to {Account} from {Address}: not signed in")]
    private static partial void NotSignedIn(ILogger log, string method, PathString path, string account, IPAddress? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} to {Account} from {Address}: not allowed for the account's roles")]
    private static partial void Forbidden(ILogger log, string method, PathString path, string account, IPAddress? address);
}
