using AllianceKpi.Infrastructure;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>A test that needs PostgreSQL servers of its own: it runs in the PostgreSQL run (AK_TEST_DB=Postgres) and is skipped, with the reason, otherwise.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (TestDatabase.ProviderUnderTest != DatabaseProvider.Postgres)
        {
            Skip = "Runs in the PostgreSQL run only (AK_TEST_DB=Postgres): it stops and restarts a PostgreSQL server of its own.";
        }
        else if (DedicatedPostgres.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
