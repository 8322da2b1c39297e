using System.Runtime.CompilerServices;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// Points <c>XDG_CACHE_HOME</c> at a directory of this test run's own before any test runs, so that the datasets the
/// tests open with default options keep their verification records (ShardedDatasetOptions.VerificationRecordDirectory,
/// by default under <c>~/.cache</c>) there rather than in the user's cache; the directory goes when the run ends.
/// Child processes the tests start inherit it.
/// </summary>
internal static class TestCacheDirectory
{
    [ModuleInitializer]
    internal static void Redirect()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oneseed-tests-cache-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        };
    }
}
