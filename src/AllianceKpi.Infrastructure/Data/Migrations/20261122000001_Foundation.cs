using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>Accounts, calendar, projects, alliance profiles, public content and the e-mail outbox.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000001_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedName = table.Column<string>(nullable: true, maxLength: 256),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(nullable: false, maxLength: 100),
                BackupEmail = table.Column<string>(nullable: true, maxLength: 256),
                School = table.Column<string>(nullable: true, maxLength: 100),
                Department = table.Column<string>(nullable: true, maxLength: 100),
                Mobile = table.Column<string>(nullable: true, maxLength: 20),
                CreatedAt = table.Column<DateTime>(nullable: false),
                IsIssued = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedUserName = table.Column<string>(nullable: true, maxLength: 256),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedEmail = table.Column<string>(nullable: true, maxLength: 256),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true, maxLength: 50),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "News",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Title = table.Column<string>(nullable: false, maxLength: 200),
                Body = table.Column<string>(nullable: false, maxLength: 4000),
                PublishedOn = table.Column<DateOnly>(nullable: false),
                IsPinned = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_News", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "OutboxEmails",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                To = table.Column<string>(nullable: false, maxLength: 256),
                Subject = table.Column<string>(nullable: false, maxLength: 200),
                Body = table.Column<string>(nullable: false, maxLength: 8000),
                Link = table.Column<string>(nullable: true, maxLength: 2000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxEmails", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ProgrammeYears",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Year = table.Column<int>(nullable: false),
                ProjectStart = table.Column<DateOnly>(nullable: false),
                ProjectEnd = table.Column<DateOnly>(nullable: false),
                IncomeStart = table.Column<DateOnly>(nullable: false),
                IncomeEnd = table.Column<DateOnly>(nullable: false),
                CooperationStart = table.Column<DateOnly>(nullable: false),
                CooperationEnd = table.Column<DateOnly>(nullable: false),
                MemberCutoff = table.Column<DateOnly>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammeYears", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Projects",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Number = table.Column<string>(nullable: false, maxLength: 50),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Year = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                PrincipalInvestigatorName = table.Column<string>(nullable: false, maxLength: 100),
                School = table.Column<string>(nullable: false, maxLength: 100),
                Department = table.Column<string>(nullable: false, maxLength: 100),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Projects", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "QaEntries",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Question = table.Column<string>(nullable: false, maxLength: 500),
                Answer = table.Column<string>(nullable: false, maxLength: 4000),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QaEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportingPeriods",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProgrammeYearId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 100),
                OpensOn = table.Column<DateOnly>(nullable: false),
                Deadline = table.Column<DateOnly>(nullable: false),
                State = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportingPeriods", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportingPeriods_ProgrammeYears_ProgrammeYearId",
                    column: x => x.ProgrammeYearId,
                    principalTable: "ProgrammeYears",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AllianceBanners",
            columns: table => new
            {
                ProjectId = table.Column<int>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AllianceBanners", x => x.ProjectId);
                table.ForeignKey(
                    name: "FK_AllianceBanners_Projects_ProjectId",
                    column: x => x.ProjectId,
                    principalTable: "Projects",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AllianceProfiles",
            columns: table => new
            {
                ProjectId = table.Column<int>(nullable: false),
                AllianceName = table.Column<string>(nullable: false, maxLength: 200),
                Website = table.Column<string>(nullable: true, maxLength: 500),
                Introduction = table.Column<string>(nullable: true, maxLength: 2000),
                HowToJoin = table.Column<string>(nullable: true, maxLength: 2000),
                ContactName = table.Column<string>(nullable: true, maxLength: 100),
                ContactPhone = table.Column<string>(nullable: true, maxLength: 50),
                ContactEmail = table.Column<string>(nullable: true, maxLength: 256),
                PrimaryIndustryCode = table.Column<string>(nullable: true, maxLength: 10),
                SecondaryIndustryCode1 = table.Column<string>(nullable: true, maxLength: 10),
                SecondaryIndustryCode2 = table.Column<string>(nullable: true, maxLength: 10),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AllianceProfiles", x => x.ProjectId);
                table.ForeignKey(
                    name: "FK_AllianceProfiles_Projects_ProjectId",
                    column: x => x.ProjectId,
                    principalTable: "Projects",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProjectMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false, maxLength: 450),
                Role = table.Column<int>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
                AddedByUserId = table.Column<string>(nullable: true, maxLength: 450),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectMembers", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProjectMembers_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ProjectMembers_Projects_ProjectId",
                    column: x => x.ProjectId,
                    principalTable: "Projects",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_News_IsPinned_PublishedOn",
            table: "News",
            columns: new[] { "IsPinned", "PublishedOn" });

        migrationBuilder.CreateIndex(
            name: "IX_OutboxEmails_SentAt",
            table: "OutboxEmails",
            column: "SentAt");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammeYears_Year",
            table: "ProgrammeYears",
            column: "Year",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProjectMembers_ProjectId_UserId",
            table: "ProjectMembers",
            columns: new[] { "ProjectId", "UserId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProjectMembers_UserId",
            table: "ProjectMembers",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_Projects_Number",
            table: "Projects",
            column: "Number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Projects_Year",
            table: "Projects",
            column: "Year");

        migrationBuilder.CreateIndex(
            name: "IX_ReportingPeriods_ProgrammeYearId_Kind",
            table: "ReportingPeriods",
            columns: new[] { "ProgrammeYearId", "Kind" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
                     "ProjectMembers", "AllianceBanners", "AllianceProfiles", "ReportingPeriods", "News", "QaEntries",
                     "OutboxEmails", "Projects", "ProgrammeYears", "AspNetRoles", "AspNetUsers",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
