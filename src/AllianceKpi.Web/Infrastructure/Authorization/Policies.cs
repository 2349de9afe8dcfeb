namespace AllianceKpi.Web.Infrastructure.Authorization;

/// <summary>
/// The access rules of the portal. Every endpoint declares one: [AllowAnonymous] (public), [Authorize] (any signed-in account),
/// or [Authorize(Policy = ...)] with one of these. Project policies read the route value <c>projectId</c>.
/// </summary>
public static class Policies
{
    /// <summary>Office officers and administrators.</summary>
    public const string Office = "Office";

    /// <summary>Administrators only.</summary>
    public const string Admin = "Admin";

    /// <summary>Anyone holding a role (PI or assistant) on the project in the route, and the office.</summary>
    public const string ProjectMember = "ProjectMember";

    /// <summary>The project's principal investigator only.</summary>
    public const string ProjectPi = "ProjectPi";

    /// <summary>The project's principal investigator, and the office (e.g. the project's audit log).</summary>
    public const string ProjectPiOrOffice = "ProjectPiOrOffice";

    public const string ProjectRouteKey = "projectId";
}
