using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>
/// <c>/api/v1/forms</c>: the official layouts of the 2016 survey (民发〔2016〕42号) for a region of the caller's jurisdiction —
/// the 花名册 and the 32-column 汇总表 (ADR-014). For <see cref="Policies.WriteRegistry"/> (officers, supervisors, directors:
/// the roles that see categories on a record); a hotline operator, who never sees a category, gets 403 — a roster of
/// 农村留守儿童 names each child's category.
/// </summary>
public static class SurveyFormsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapSurveyFormsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/forms").WithTags("Forms").RequireAuthorization(Policies.WriteRegistry);
        group.MapGet("/left-behind-roster", RosterAsync).WithSummary("农村留守儿童花名册（.xlsx，审计）").ProducesXlsx();
        group.MapGet("/left-behind-summary", SummaryAsync).WithSummary("农村留守儿童信息汇总表（32列，勾稽关系成立；format=xlsx 下载）").ProducesXlsx();
    }

    /// <summary>
    /// The 花名册 of <c>regionCode</c> (default: the caller's jurisdiction) on <c>asOf</c> (统计截止日, default today in China) as
    /// .xlsx, of <c>category</c> (default LeftBehind), masked as the children export is: <c>fullIdNumbers=true</c> needs a
    /// <c>purpose</c> and a role that may (403). 400 naming <c>regionCode</c>, <c>asOf</c>, <c>category</c> or <c>purpose</c>;
    /// 404 for a region outside the jurisdiction.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFoundProblem, ForbiddenProblem>> RosterAsync(
        ShouhuDbContext db, WriteLeftBehindRoster roster, ClaimsPrincipal user, TimeProvider clock, string? regionCode, string? asOf, string? category, bool? fullIdNumbers, string? purpose, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = ChinaTime.Today(clock);
        var scope = await FormScope.ReadAsync(db, regionCode, asOf, category, today, errors, ct);
        var (view, forbidden, purposeProblem, stated) = PersonalDataPolicy.ForExport(user.FindFirstValue(ClaimTypes.Role), new ExportRequest(fullIdNumbers == true, false, purpose));
        if (forbidden is not null)
        {
            return OutcomeResults.Forbidden(forbidden);
        }

        if (purposeProblem is not null)
        {
            errors.Add("purpose", purposeProblem);
        }

        if (!errors.IsEmpty)
        {
            return OutcomeResults.Invalid(errors);
        }

        if (scope is null)
        {
            return new NotFoundProblem("未找到", "该区划不存在或不在您的辖区之内。");
        }

        var file = await ExportFile.WriteAsync(output => roster.WriteAsync(scope, view, stated, output, ct));
        return ExportFile.Answer(file, $"{ChildCategory.ChineseName(scope.Category)}花名册", today);
    }

    /// <summary>
    /// The 汇总表 of <c>regionCode</c> (default: the caller's jurisdiction) on <c>asOf</c>: JSON (<see cref="LeftBehindSummaryResponse"/>),
    /// or with <c>format=xlsx</c> the form's workbook (audited). 400 naming <c>regionCode</c>, <c>asOf</c> or <c>format</c>; 404
    /// for a region outside the jurisdiction (its counts too).
    /// </summary>
    public static async Task<Results<Ok<LeftBehindSummaryResponse>, FileStreamHttpResult, ValidationProblem, NotFoundProblem>> SummaryAsync(
        ShouhuDbContext db, LeftBehindSummaryQuery query, WriteLeftBehindSummary workbook, TimeProvider clock, string? regionCode, string? asOf, string? format, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = ChinaTime.Today(clock);
        var scope = await FormScope.ReadAsync(db, regionCode, asOf, null, today, errors, ct);
        if (format is not (null or "" or "json" or "xlsx"))
        {
            errors.Add("format", "format 应为 json 或 xlsx");
        }

        if (!errors.IsEmpty)
        {
            return OutcomeResults.Invalid(errors);
        }

        if (scope is null)
        {
            return new NotFoundProblem("未找到", "该区划不存在或不在您的辖区之内。");
        }

        if (format == "xlsx")
        {
            var file = await ExportFile.WriteAsync(output => workbook.WriteAsync(scope, output, ct));
            return ExportFile.Answer(file, "农村留守儿童信息汇总表", today);
        }

        return TypedResults.Ok(await query.RunAsync(scope, ct));
    }
}
