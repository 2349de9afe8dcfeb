using AllianceKpi.Infrastructure;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>A test about PostgreSQL itself on the run's shared server: it runs in the PostgreSQL run (AK_TEST_DB=Postgres) and is skipped, with the reason, otherwise.</summary>
public sealed class PostgresRunFactAttribute : FactAttribute
{
    public PostgresRunFactAttribute()
    {
        if (TestDatabase.ProviderUnderTest != DatabaseProvider.Postgres)
        {
            Skip = "About PostgreSQL's server-side prepared statements: runs in the PostgreSQL run only (AK_TEST_DB=Postgres).";
        }
    }
}
