namespace Shouhu.Domain.Monitoring;

/// <summary>Topics of prevention activities (预防, issue #5).</summary>
public enum PreventionTopic
{
    /// <summary>防溺水 drowning prevention.</summary>
    DrowningPrevention = 1,
    /// <summary>防性侵 sexual-abuse prevention.</summary>
    SexualAbusePrevention = 2,
    /// <summary>防欺凌 bullying prevention.</summary>
    BullyingPrevention = 3,
    /// <summary>家庭教育 family education.</summary>
    FamilyEducation = 4,
    /// <summary>其他安全教育 other safety education.</summary>
    Other = 5,
}

/// <summary>A prevention activity (safety-education session) held in a region, with the children who attended.</summary>
public class PreventionActivity : IAudited
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Topic.</summary>
    public PreventionTopic Topic { get; set; }

    /// <summary>Title, e.g. 暑期防溺水安全教育进村.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Date held (China date; not in the future: activities are recorded once held).</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>Where it was held (NBS code, village or township): the jurisdiction key.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Place, free text.</summary>
    public string? Location { get; set; }

    /// <summary>Organiser (school, social organisation…), free text.</summary>
    public string? Organizer { get; set; }

    /// <summary>Who recorded it, and when (UTC).</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="CreatedBy"/>
    public DateTime CreatedAt { get; set; }
}

/// <summary>A child's attendance at a prevention activity: part of the child's file.</summary>
public class PreventionAttendance : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The activity.</summary>
    public Guid ActivityId { get; set; }

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>The child's region.</summary>
    public required string RegionCode { get; set; }
}
