using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Projects;

public enum ProjectStatus
{
    Running = 1,
    Ended = 2,
    Rejected = 3,
}

public static class ProjectStatusLabels
{
    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Running => "執行中",
        ProjectStatus.Ended => "已結束",
        ProjectStatus.Rejected => "審查未通過",
        _ => status.ToString(),
    };
}

/// <summary>An approved small-alliance project (計畫) of one programme year.</summary>
public class Project : IVersioned
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Running;
    public string PrincipalInvestigatorName { get; set; } = "";
    public string School { get; set; } = "";
    public string Department { get; set; } = "";
    public Guid Version { get; set; }

    /// <summary>
    /// A new random value, written in the same transaction, whenever what the project's 工作進度 pages stand on changes: its
    /// entries, the lock of its 管考資料 forms (state, extension), its programme year and periods, or the project itself. Not a
    /// concurrency token; a node keeps what it computed for those pages while this stays the same (Web's ProgressContextCache).
    /// </summary>
    public Guid ProgressStamp { get; set; }

    public AllianceProfile? Alliance { get; set; }
    public List<ProjectMember> Members { get; set; } = [];
}
