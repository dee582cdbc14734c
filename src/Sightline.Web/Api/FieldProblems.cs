using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sightline.Web.Api;

/// <summary>
/// A refusal as every endpoint that takes fields gives it: `application/problem+json` whose detail is the messages, one a
/// line, and whose `problems` name each field with its message (or, for a request that is one whole, such as a scan's
/// scope, are the messages themselves).
/// </summary>
public static class FieldProblems
{
    public static ProblemHttpResult Of(IEnumerable<(string Field, string Message)> problems, int status = StatusCodes.Status400BadRequest)
    {
        var list = problems.ToList();
        return TypedResults.Problem(string.Join("\n", list.Select(p => p.Message)), statusCode: status,
            extensions: new Dictionary<string, object?> { ["problems"] = list.Select(p => new { field = p.Field, message = p.Message }).ToList() });
    }

    /// <summary>Problems with a request as a whole, not with one field: <c>problems</c> is the list of messages.</summary>
    public static ProblemHttpResult Of(IReadOnlyList<string> problems, int status) =>
        TypedResults.Problem(string.Join("\n", problems), statusCode: status, extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
