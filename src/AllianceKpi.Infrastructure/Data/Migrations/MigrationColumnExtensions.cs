using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>Helpers that keep the hand-written migrations provider-neutral.</summary>
internal static class MigrationColumnExtensions
{
    /// <summary>An auto-incrementing key column on SQLite and an identity column on PostgreSQL.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
