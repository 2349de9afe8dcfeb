using AllianceKpi.Domain.Projects.Import;
using AllianceKpi.Infrastructure.Imports;
using AllianceKpi.Web.Features.Office.IssuedAccounts;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

/// <summary>Bulk creation of projects and PI accounts from the spreadsheet of approved projects: upload → preview → confirm.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ProjectImportController(ProjectImportPreviewHandler preview, ProjectImportConfirmHandler confirm) : Controller
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Template =
    [
        ApprovedProjectSheet.Columns,
        ["2021ETPC_example", "智慧醫材產學小聯盟", "2021", "王大明", "pi@example.edu.tw", "國立成功大學", "醫學工程研究所"],
    ];

    [HttpGet("/office/projects/import")]
    public IActionResult Index() => View(new ImportUploadForm());

    [HttpGet("/office/projects/import/template.csv")]
    public IActionResult TemplateCsv() => File(SpreadsheetWriter.Csv(Template), "text/csv; charset=utf-8", "通過計畫匯入範本.csv");

    [HttpGet("/office/projects/import/template.xlsx")]
    public IActionResult TemplateXlsx() =>
        File(SpreadsheetWriter.Xlsx("通過計畫", Template), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "通過計畫匯入範本.xlsx");

    [HttpPost("/office/projects/import")]
    public async Task<IActionResult> Upload(ImportUploadForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || form.File is null)
        {
            return View(nameof(Index), form);
        }
        var outcome = await preview.UploadAsync(form.File, User.RequiredUserId(), cancellationToken);
        if (outcome.Preview is null)
        {
            outcome.Errors.ToList().ForEach(e => ModelState.AddModelError(nameof(form.File), e));
            return View(nameof(Index), form);
        }
        return View("Preview", outcome.Preview);
    }

    [HttpPost("/office/projects/import/confirm")]
    public async Task<IActionResult> Confirm(ImportConfirmForm form, CancellationToken cancellationToken)
    {
        var outcome = await confirm.ConfirmAsync(form.UploadId, User.RequiredUserId(), IssuedAccountEmail.BaseUrlOf(Request), cancellationToken);
        switch (outcome.State)
        {
            case ConfirmState.Imported:
                this.Success(outcome.Message!);
                return Redirect("/office/projects");
            case ConfirmState.Invalid:
                return View("Preview", outcome.Preview);
            default:
                this.Failure(outcome.Message!);
                return Redirect("/office/projects/import");
        }
    }
}
