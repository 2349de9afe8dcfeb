using AllianceKpi.Web.Features.Office.IssuedAccounts;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Admin.OfficeAccounts;

/// <summary>辦公室帳號: the administrator manages office and administrator accounts.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OfficeAccountsController(OfficeAccountsHandler accounts, OfficeAccountStateHandler states) : Controller
{
    [HttpGet("/admin/office-accounts")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await accounts.ListAsync(User.RequiredUserId(), cancellationToken));

    [HttpGet("/admin/office-accounts/new")]
    public IActionResult New() => View(new NewOfficeAccountForm());

    [HttpPost("/admin/office-accounts/new")]
    public async Task<IActionResult> New(NewOfficeAccountForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var violations = await accounts.CreateAsync(form, IssuedAccountEmail.BaseUrlOf(Request), cancellationToken);
            if (violations.Count == 0)
            {
                this.Success($"已建立帳號 {form.Email.Trim()}，設定密碼連結已放入寄件匣。");
                return Redirect("/admin/office-accounts");
            }
            ModelState.AddViolations(violations);
        }
        return View(form);
    }

    [HttpPost("/admin/office-accounts/{userId}/disable")]
    public async Task<IActionResult> Disable(string userId) => Outcome(await states.DisableAsync(userId, User.RequiredUserId()));

    [HttpPost("/admin/office-accounts/{userId}/enable")]
    public async Task<IActionResult> Enable(string userId) => Outcome(await states.EnableAsync(userId, User.RequiredUserId()));

    private IActionResult Outcome(StateChangeOutcome outcome)
    {
        if (outcome.Result == StateChange.NotFound)
        {
            return NotFound();
        }
        if (outcome.Result == StateChange.Done)
        {
            this.Success(outcome.Message);
        }
        else
        {
            this.Failure(outcome.Message);
        }
        return Redirect("/admin/office-accounts");
    }
}
