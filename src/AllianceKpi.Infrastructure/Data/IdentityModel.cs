using AllianceKpi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>Lengths of the portal's own account columns; Identity's tables keep their standard shape.</summary>
internal static class IdentityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(AppUser.MaxNameLength).IsRequired();
            u.Property(x => x.BackupEmail).HasMaxLength(256);
            u.Property(x => x.School).HasMaxLength(100);
            u.Property(x => x.Department).HasMaxLength(100);
            u.Property(x => x.Mobile).HasMaxLength(20);
            u.Property(x => x.PhoneNumber).HasMaxLength(50);
        });
    }
}
