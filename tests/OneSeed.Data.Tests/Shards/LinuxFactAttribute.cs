namespace OneSeed.Data.Tests.Shards;

/// <summary>A fact that needs Linux (statx, /proc/self/maps); skipped elsewhere, where the feature it tests is off.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux: file identities (statx) and /proc/self/maps";
        }
    }
}
