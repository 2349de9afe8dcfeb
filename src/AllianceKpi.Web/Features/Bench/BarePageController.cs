using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Bench;

/// <summary>
/// The load bench's ceiling (docs/performance.md): a page through the same pipeline and layout as every other, with a table of
/// <c>rows</c> rows written from a model, and no database query, no rules, no authorisation check. What the framework alone
/// costs for a page of a given size, so that the bench can compare the members page with a page of the same size. Answers 404
/// unless <see cref="Setting"/> is true; the bench turns it on for the portal it starts, and nothing else does.
/// </summary>
[AllowAnonymous]
public sealed class BarePageController(IConfiguration configuration) : Controller
{
    public const string Setting = "Bench:BarePage";
    public const string Route = "/bench/bare";
    public const int MaxRows = 1000;

    [HttpGet(Route)]
    public IActionResult Index(int rows = 50)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return NotFound();
        }
        if (rows is < 0 or > MaxRows)
        {
            return BadRequest();
        }
        return View(BarePage.Of(rows));
    }
}

/// <summary>One row of the bare page: as many cells as a row of 招募聯盟會員, with text of the same kind.</summary>
public sealed record BareRow(int No, string Period, string Name, string Person, string Type, string Industry, string Region,
    string Capital, string Employees, string Date, string Link, string Verdict);

public sealed record BarePage(IReadOnlyList<BareRow> Rows)
{
    public static BarePage Of(int rows)
    {
        var list = new List<BareRow>(rows);
        for (var i = 0; i < rows; i++)
        {
            list.Add(new BareRow(i + 1, "2021第二次", $"基準會員{i + 1}股份有限公司", $"陳大文{i + 1}", "廠商", "C19 醫藥品製造業", "南部",
                "101~500萬元", "經常雇用員工數5~29人", "2022/03/31", $"/bench/bare/{i + 1}", "列計"));
        }
        return new BarePage(list);
    }
}
