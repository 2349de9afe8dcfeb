namespace AllianceKpi.Domain.Projects;

public enum ProjectRole
{
    PrincipalInvestigator = 1,
    Assistant = 2,
}

public static class ProjectRoleLabels
{
    public static string Label(this ProjectRole role) => role switch
    {
        ProjectRole.PrincipalInvestigator => "計畫主持人",
        ProjectRole.Assistant => "計畫助理",
        _ => role.ToString(),
    };
}

/// <summary>An account's role on one project (計畫主持人 or 計畫助理).</summary>
public class ProjectMember
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public string UserId { get; set; } = "";
    public ProjectRole Role { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedByUserId { get; set; }
}
