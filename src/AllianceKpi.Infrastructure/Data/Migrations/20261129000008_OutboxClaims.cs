using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// Outbox e-mails carry until when a node's claim on the current attempt holds: another node leaves an e-mail alone while
/// an attempt is being sent, and takes it over only when the claim ran out (the sending node died).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000008_OutboxClaims")]
public sealed class OutboxClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("ClaimedUntil", "OutboxEmails", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Plain SQL: EF refuses DropColumn on SQLite, which has had ALTER TABLE … DROP COLUMN since 3.35.
        migrationBuilder.Sql("ALTER TABLE \"OutboxEmails\" DROP COLUMN \"ClaimedUntil\";");
    }
}
