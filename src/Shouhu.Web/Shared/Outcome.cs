using System.Diagnostics.CodeAnalysis;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Shared;

/// <summary>The kinds of "no" a use case answers; each has one HTTP answer (<see cref="OutcomeResults"/>).</summary>
public enum RefusalKind
{
    /// <summary>404: absent, outside the caller's jurisdiction, or not the caller's to see — one answer for all three.</summary>
    NotFound,

    /// <summary>403: the caller may see the record but not do this (role, level, not theirs to work on).</summary>
    Forbidden,

    /// <summary>409: someone else changed the record since it was read (a stale <c>version</c>, a save racing another).</summary>
    Conflict,

    /// <summary>409: the record's state does not allow the step now (a closed case, a report already triaged).</summary>
    Refused,

    /// <summary>400: field errors, each under the field's API name.</summary>
    Invalid,
}

/// <summary>
/// Why a use case did not do what was asked; nothing was saved. <see cref="Detail"/> is the Chinese sentence the API's
/// problem details and the page both show (null for <see cref="RefusalKind.NotFound"/> and <see cref="RefusalKind.Invalid"/>);
/// <see cref="Errors"/> are the field errors of <see cref="RefusalKind.Invalid"/>.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string? Detail = null, ValidationErrors? Errors = null)
{
    /// <summary>A problem title of its own instead of the kind's (e.g. 重复登记 for a 409 on a registered ID number); null: the kind's.</summary>
    public string? Title { get; init; }

    /// <summary>Problem-details extensions written as they are (e.g. <c>existingId</c>); null: none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}

/// <summary>
/// The one outcome of a use case (issue #11 item 4): done, with its <see cref="Value"/>, or a <see cref="Refusal"/> — never
/// both. A refusal converts to any <c>Outcome&lt;T&gt;</c>, so a use case writes <c>return Outcome.NotFound;</c> or
/// <c>return Outcome.Done(child);</c>. The API answers it through <see cref="OutcomeResults"/>, a page shows
/// <see cref="Message"/> and <see cref="Errors"/>.
/// </summary>
/// <typeparam name="T">What a success gives: the saved record, its response, or the id of what was created or changed.</typeparam>
public sealed record Outcome<T>
{
    internal Outcome(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    /// <summary>What the use case produced; <c>default</c> when refused.</summary>
    public T? Value { get; }

    /// <summary>Why nothing was done; null on success.</summary>
    public Refusal? Refusal { get; }

    /// <summary>True when the use case did what was asked (and <see cref="Value"/> holds its result).</summary>
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Ok => Refusal is null;

    /// <summary>True for <see cref="RefusalKind.NotFound"/> (a page answers its 404).</summary>
    public bool NotFound => Refusal?.Kind == RefusalKind.NotFound;

    /// <summary>The refusal's sentence (forbidden, conflict, refused) for a page's message; null on success, for 404 and for field errors.</summary>
    public string? Message => Refusal?.Detail;

    /// <summary>The field errors of <see cref="RefusalKind.Invalid"/>; empty otherwise.</summary>
    public ValidationErrors Errors => Refusal?.Errors ?? new ValidationErrors();

    /// <summary>A refusal as the outcome of any use case.</summary>
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>Builds <see cref="Outcome{T}"/>s and <see cref="Refusal"/>s.</summary>
public static class Outcome
{
    /// <summary>Done, with <paramref name="value"/>.</summary>
    public static Outcome<T> Done<T>(T value) => new(value, null);

    /// <summary>404: absent or not to be disclosed.</summary>
    public static readonly Refusal NotFound = new(RefusalKind.NotFound);

    /// <summary>403 with the reason.</summary>
    public static Refusal Forbidden(string detail) => new(RefusalKind.Forbidden, detail);

    /// <summary>409: changed by someone else meanwhile; <paramref name="detail"/> names who and when where known.</summary>
    public static Refusal Conflict(string detail) => new(RefusalKind.Conflict, detail);

    /// <summary>409: the state does not allow it now.</summary>
    public static Refusal Refused(string detail) => new(RefusalKind.Refused, detail);

    /// <summary>400 with field errors.</summary>
    public static Refusal Invalid(ValidationErrors errors) => new(RefusalKind.Invalid, Errors: errors);

    /// <summary>400 with one field error.</summary>
    public static Refusal Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
