using System.Net;
using System.Text;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AllianceKpi.Web.Tests.Features.Office.ImportFiles;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class ProjectImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AnXlsxWithTwoProjectsIsPreviewedThenImportedWithPiAccountsAndOutboxLinks()
    {
        var id = Unique();
        var bytes = TestWorkbook.Build(
        [
            ["Email", "計畫編號", "計畫名稱", "年度", "主持人", "學校", "系所"],
            [$"chen{id}@nthu.edu.tw", $"X{id}-1", "綠能材料產學小聯盟", 2021, "陳綠能", "清華大學", "材料系"],
            [$"lin{id}@ntu.edu.tw", $"X{id}-2", "智慧農業產學小聯盟", 110, "林農", "臺灣大學", "生機系"],
        ]);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await CountsAsync(factory);

        var preview = await PreviewAsync(client, bytes, "通過計畫.xlsx");
        Assert.Contains("可匯入", RowErrors(preview, 2));
        Assert.Contains("可匯入", RowErrors(preview, 3));
        Assert.Contains("110 → 2021", preview.QuerySelector("tr[data-row='3']")!.TextContent);
        Assert.Equal(before, await CountsAsync(factory));

        var confirmed = await ConfirmAsync(client, UploadIdOf(preview));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/office/projects", confirmed.Headers.Location?.OriginalString);
        var list = await client.GetPageAsync("/office/projects");
        Assert.Equal("已匯入 2 個計畫，新增 2 個主持人帳號", list.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.Contains("尚未設定密碼", list.QuerySelector($"tr[data-project='X{id}-1'] [data-testid=pi-account]")!.TextContent);

        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Alliance).Include(p => p.Members).SingleAsync(p => p.Number == $"X{id}-2");
            Assert.Equal(("智慧農業產學小聯盟", 2021, ProjectStatus.Running, "林農", "臺灣大學", "生機系"),
                (project.Name, project.Year, project.Status, project.PrincipalInvestigatorName, project.School, project.Department));
            Assert.Equal("智慧農業產學小聯盟", project.Alliance!.AllianceName);
            var member = Assert.Single(project.Members);
            Assert.Equal(ProjectRole.PrincipalInvestigator, member.Role);
            var pi = await db.Users.SingleAsync(u => u.Id == member.UserId);
            Assert.Equal(($"lin{id}@ntu.edu.tw", "林農", "臺灣大學", "生機系", true, false), (pi.UserName, pi.DisplayName, pi.School, pi.Department, pi.IsIssued, pi.EmailConfirmed));
            Assert.Null(pi.PasswordHash);
            var email = await db.Outbox.SingleAsync(e => e.To == pi.Email);
            Assert.Equal("產學小聯盟管考平台帳號開通通知", email.Subject);
            Assert.StartsWith($"http://localhost/account/set-password?userId={pi.Id}&token=", email.Link);
            Assert.Contains(email.Link!, email.Body);
            Assert.Contains($"X{id}-2 智慧農業產學小聯盟", email.Body);
        });
        Assert.Equal(before with { Projects = before.Projects + 2, Users = before.Users + 2, Members = before.Members + 2, Emails = before.Emails + 2, Alliances = before.Alliances + 2 },
            await CountsAsync(factory));
    }

    [Fact]
    public async Task TheSetPasswordLinkCarriesAUsableResetToken()
    {
        var id = Unique();
        var csv = Csv(Header, [$"T{id}", "名稱", "2021", "吳主持", $"wu{id}@ncku.edu.tw", "成功大學", "電機系"]);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await ConfirmAsync(client, UploadIdOf(await PreviewAsync(client, csv, "list.csv")));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var pi = await users.FindByEmailAsync($"wu{id}@ncku.edu.tw");
        var link = await factory.WithDbAsync(db => db.Outbox.Where(e => e.To == pi!.Email).Select(e => e.Link!).SingleAsync());
        var token = Uri.UnescapeDataString(link[(link.IndexOf("&token=", StringComparison.Ordinal) + 7)..]);
        Assert.True((await users.ResetPasswordAsync(pi!, token, "NewPass2021")).Succeeded);
    }

    [Fact]
    public async Task ACsvWithOnePiOnTwoProjectsAndAnExistingAccountCreatesOneAccountAndOneEmail()
    {
        var id = Unique();
        var csv = Csv(Header,
            [$"C{id}-1", "第一聯盟", "2021", "黃雙案", $"huang{id}@ncku.edu.tw", "成功大學", "機械系"],
            [$"C{id}-2", "\"第二聯盟, 延續\"", "110", "黃雙案", $"HUANG{id}@ncku.edu.tw", "成功大學", "機械系"],
            [$"C{id}-3", "示範延伸", "2021", "王大明", DemoSeeder.PiEmail, "成功大學", "醫工所"]);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await CountsAsync(factory);

        var preview = await PreviewAsync(client, csv, "approved.csv");
        Assert.Contains("沿用既有帳號", preview.QuerySelector("tr[data-row='4']")!.TextContent);
        var response = await ConfirmAsync(client, UploadIdOf(preview));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已匯入 3 個計畫，新增 1 個主持人帳號", (await client.GetPageAsync("/office/projects")).QuerySelector("[data-testid=flash]")?.TextContent);
        var after = await CountsAsync(factory);
        Assert.Equal((before.Projects + 3, before.Users + 1, before.Emails + 1), (after.Projects, after.Users, after.Emails));
        var demoPiId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        Assert.True(await factory.WithDbAsync(db => db.ProjectMembers.AnyAsync(m => m.UserId == demoPiId && m.Project!.Number == $"C{id}-3")));
        Assert.Equal("第二聯盟, 延續", await factory.WithDbAsync(db => db.Projects.Where(p => p.Number == $"C{id}-2").Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task BadRowsShowTheirChineseErrorsAndConfirmImportsNothing()
    {
        var id = Unique();
        var csv = Csv(Header,
            [$"B{id}-1", "正確的計畫", "2021", "周正確", $"chou{id}@ncku.edu.tw", "成功大學", "化工系"],
            [$"B{id}-2", "信箱錯誤", "2021", "許信箱", "not-an-email", "成功大學", "化工系"],
            [$"B{id}-1", "編號重複", "2021", "周正確", $"chou{id}@ncku.edu.tw", "成功大學", "化工系"],
            [$"B{id}-4", "年度未建立", "2030", "謝年度", $"hsieh{id}@ncku.edu.tw", "成功大學", "化工系"],
            [DemoSeeder.ProjectNumber, "已存在", "2021", "王大明", DemoSeeder.PiEmail, "成功大學", "醫工所"]);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await CountsAsync(factory);

        var preview = await PreviewAsync(client, csv, "bad.csv");
        Assert.Contains("可匯入", RowErrors(preview, 2));
        Assert.Contains("Email「not-an-email」格式不正確。", RowErrors(preview, 3));
        Assert.Contains($"計畫編號 B{id}-1 與第 2 列重複。", RowErrors(preview, 4));
        Assert.Contains("年度 2030 尚未建立，請先於「年度與綜整表」新增", RowErrors(preview, 5));
        Assert.Contains("已存在於平台", RowErrors(preview, 6));
        Assert.Contains("4 列有錯誤", preview.QuerySelector("[data-testid=preview-summary]")!.TextContent);
        Assert.NotNull(preview.QuerySelector("[data-testid=confirm-form] button[disabled]"));

        var response = await ConfirmAsync(client, UploadIdOf(preview));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("未匯入任何資料", page.QuerySelector("[data-testid=import-error]")!.TextContent);
        Assert.Contains("Email「not-an-email」格式不正確。", RowErrors(page, 3));
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task AnotherOfficeUserCannotConfirmMyUpload()
    {
        var id = Unique();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureAccountAsync("office2@test.tw", "第二位承辦", DemoSeeder.Password, AppRoles.Office);
        }
        var csv = Csv(Header, [$"O{id}", "名稱", "2021", "郭某", $"kuo{id}@ncku.edu.tw", "成功大學", "醫工所"]);
        using var mine = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        using var theirs = await factory.SignedInAsync("office2@test.tw");
        var uploadId = UploadIdOf(await PreviewAsync(mine, csv, "mine.csv"));
        var before = await CountsAsync(factory);

        var refused = await ConfirmAsync(theirs, uploadId);
        Assert.Equal("/office/projects/import", refused.Headers.Location?.OriginalString);
        Assert.Contains("找不到這份上傳的檔案", (await theirs.GetPageAsync("/office/projects/import")).QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal(before, await CountsAsync(factory));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(mine, uploadId)).StatusCode);
        Assert.Equal(before.Projects + 1, (await CountsAsync(factory)).Projects);
        var again = await ConfirmAsync(mine, uploadId);
        Assert.Equal("/office/projects/import", again.Headers.Location?.OriginalString);
    }

}
