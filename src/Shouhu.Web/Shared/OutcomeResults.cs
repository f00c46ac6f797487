using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Shared;

/// <summary>
/// A refusal answered as RFC 9457 problem details (<c>application/problem+json</c>, written by the problem-details service
/// as <see cref="ProblemHttpResult"/> writes it) whose status the OpenAPI document declares — which a bare
/// <see cref="ProblemHttpResult"/> cannot. One subclass per status: <see cref="NotFoundProblem"/>, <see cref="ForbiddenProblem"/>,
/// <see cref="ConflictProblem"/>, <see cref="UnauthorizedProblem"/>.
/// </summary>
public abstract class StatusProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private readonly ProblemHttpResult _problem;

    /// <summary>A problem of <paramref name="status"/> with its title, detail and extensions.</summary>
    protected StatusProblem(int status, string title, string? detail, IDictionary<string, object?>? extensions) =>
        _problem = TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    /// <summary>The problem details written.</summary>
    public ProblemDetails Value => _problem.ProblemDetails;

    object? IValueHttpResult.Value => Value;

    /// <summary>The HTTP status.</summary>
    public int? StatusCode => _problem.StatusCode;

    /// <summary><c>application/problem+json</c>.</summary>
    public string? ContentType => _problem.ContentType;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    /// <summary>Declares <paramref name="status"/> with a problem-details body.</summary>
    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>404 未找到 as problem details.</summary>
public sealed class NotFoundProblem(string title, string? detail) : StatusProblem(StatusCodes.Status404NotFound, title, detail, null), IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

/// <summary>410 as problem details: the thing was here and is gone for good (an import's kept upload once committed, an expired export).</summary>
public sealed class GoneProblem(string title, string? detail) : StatusProblem(StatusCodes.Status410Gone, title, detail, null), IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status410Gone);
}

/// <summary>403 as problem details with the reason (the role, level or person may not).</summary>
public sealed class ForbiddenProblem(string title, string? detail) : StatusProblem(StatusCodes.Status403Forbidden, title, detail, null), IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status403Forbidden);
}

/// <summary>409 as problem details: changed meanwhile, the state does not allow it, or a duplicate (with its extensions).</summary>
public sealed class ConflictProblem(string title, string? detail, IDictionary<string, object?>? extensions = null)
    : StatusProblem(StatusCodes.Status409Conflict, title, detail, extensions), IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status409Conflict);
}

/// <summary>401 as problem details (a refused sign-in; <c>lockedUntil</c> as an extension after the right password of a locked account).</summary>
public sealed class UnauthorizedProblem(string title, string? detail, IDictionary<string, object?>? extensions = null)
    : StatusProblem(StatusCodes.Status401Unauthorized, title, detail, extensions), IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status401Unauthorized);
}

/// <summary>
/// The one mapping of an <see cref="Outcome{T}"/> to HTTP (API-CONTRACT.md): the success the endpoint chooses, or
/// 404 未找到, 403 无权操作, 409 记录已被他人修改 (conflict) / 当前状态不允许此操作 (refused) — or the refusal's own title —
/// and 400 输入有误 with the field errors. Every endpoint answering an outcome declares all five in OpenAPI.
/// </summary>
public static class OutcomeResults
{
    /// <summary>The answer of <paramref name="outcome"/>: <paramref name="done"/> of its value, or its refusal.</summary>
    public static Results<TDone, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem> Answer<T, TDone>(Outcome<T> outcome, Func<T, TDone> done)
        where TDone : IResult =>
        outcome.Refusal is { } refusal ? Refuse<TDone>(refusal) : done(outcome.Value!);

    /// <summary>Like <see cref="Answer{T, TDone}"/>, with a success that needs a query (the record as saved).</summary>
    public static async Task<Results<TDone, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AnswerAsync<T, TDone>(Outcome<T> outcome, Func<T, Task<TDone>> done)
        where TDone : IResult =>
        outcome.Refusal is { } refusal ? Refuse<TDone>(refusal) : await done(outcome.Value!);

    /// <summary>400 输入有误 with the field errors, as every endpoint writes them.</summary>
    public static ValidationProblem Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary(), title: "输入有误");

    /// <summary>403 无权操作 with the reason.</summary>
    public static ForbiddenProblem Forbidden(string detail) => new("无权操作", detail);

    private static Results<TDone, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem> Refuse<TDone>(Refusal r)
        where TDone : IResult
    {
        var extensions = r.Extensions is { } e ? new Dictionary<string, object?>(e) : null;
        return r.Kind switch
        {
            RefusalKind.NotFound => new NotFoundProblem(r.Title ?? "未找到", r.Detail ?? "未找到该记录。"),
            RefusalKind.Forbidden => new ForbiddenProblem(r.Title ?? "无权操作", r.Detail),
            RefusalKind.Conflict => new ConflictProblem(r.Title ?? "记录已被他人修改", r.Detail, extensions),
            RefusalKind.Refused => new ConflictProblem(r.Title ?? "当前状态不允许此操作", r.Detail, extensions),
            _ => TypedResults.ValidationProblem((r.Errors ?? new()).ToDictionary(), title: r.Title ?? "输入有误"),
        };
    }
}
