using OneSeed.TorchSharp.Native;
using TorchSharp;

namespace OneSeed.TorchSharp.Tests;

public class NativeLoaderTests
{
    /// <summary>TorchSharp's own libLibTorchSharp.so as the build copied it (or as restored in the NuGet cache).</summary>
    private static string OriginalLibrary
    {
        get
        {
            string inBin = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            if (File.Exists(inBin))
            {
                return inBin;
            }

            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    private static bool HostLibStdCxxHas(string version) =>
        File.ReadAllBytes(LoadedLibStdCxx).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(version + "\0")) >= 0;

    /// <summary>The libstdc++ this process mapped (the one the dynamic loader checked the version needs against).</summary>
    internal static string LoadedLibStdCxx
    {
        get
        {
            TorchSharpNative.EnsureLoaded();
            string line = File.ReadLines("/proc/self/maps").First(l => l.Contains("/libstdc++.so", StringComparison.Ordinal));
            return line[line.IndexOf('/', StringComparison.Ordinal)..];
        }
    }

    private static string TempRoot() => Directory.CreateTempSubdirectory("oneseed-native-test-").FullName;

    [Fact]
    public void EnsureLoaded_then_TorchSharp_draws_PyTorchs_numbers_for_seed_42()
    {
        TorchSharpNative.EnsureLoaded();
        using (torch.manual_seed(42))
        {
        }

        using torch.Tensor t = torch.rand(4);
        float[] values = t.data<float>().ToArray();
        float[] expected = [0.8823f, 0.9150f, 0.3829f, 0.9593f];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) < 5e-5, $"rand[{i}] = {values[i]}, expected {expected[i]}");
        }
    }

    [Fact]
    public void On_a_host_without_GLIBCXX_3_4_32_the_patched_copy_is_what_the_process_loaded()
    {
        TorchSharpNative.EnsureLoaded();
        string maps = File.ReadAllText("/proc/self/maps");
        if (HostLibStdCxxHas("GLIBCXX_3.4.32"))
        {
            Assert.Null(TorchSharpNative.PatchedLibraryPath);
            return;
        }

        string? patched = TorchSharpNative.PatchedLibraryPath;
        Assert.NotNull(patched);
        Assert.Contains(patched, maps, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(patched).AsSpan().SequenceEqual(ElfImage.WithWeakVersionNeed(File.ReadAllBytes(OriginalLibrary), "GLIBCXX_3.4.32")));
        // Only one LibTorchSharp is mapped: TorchSharp's P/Invokes went to the copy, not to a second library.
        Assert.Single(maps.Split('\n').Where(l => l.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('/', StringComparison.Ordinal))..]).Distinct());
        // libtorch's own libraries resolved (the copy's $ORIGIN is the cache folder, so they were preloaded).
        Assert.Contains("/libtorch_cpu.so", maps, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureLoaded_again_is_a_no_op_from_any_thread()
    {
        TorchSharpNative.EnsureLoaded();
        string? path = TorchSharpNative.PatchedLibraryPath;
        DateTime? written = path is null ? null : File.GetLastWriteTimeUtc(path);
        Parallel.For(0, 16, _ => TorchSharpNative.EnsureLoaded());
        TorchSharpNative.EnsureLoaded();
        Assert.Equal(path, TorchSharpNative.PatchedLibraryPath);
        if (path is not null)
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }
    }

    [Fact]
    public void The_patch_sets_VER_FLG_WEAK_on_GLIBCXX_3_4_32_and_changes_nothing_else()
    {
        string original = OriginalLibrary;
        string root = TempRoot();
        try
        {
            string patched = PatchedLibraryCache.GetOrCreate(original, root)!;
            Assert.NotNull(patched);
            Assert.Equal("libLibTorchSharp.so", Path.GetFileName(patched));
            byte[] before = File.ReadAllBytes(original);
            byte[] after = File.ReadAllBytes(patched);
            Assert.Equal(before.Length, after.Length);

            // readelf locates the entry independently: vna_flags is the 16-bit field at +4 of the Vernaux entry.
            var needsBefore = Readelf.VersionNeeds(original);
            var target = needsBefore.Single(n => n.Name == "GLIBCXX_3.4.32");
            Assert.Equal("libstdc++.so.6", target.File);
            Assert.Equal("none", target.Flags);
            long flags = target.EntryOffset + 4;
            int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.Equal([(int)flags], changed);
            Assert.Equal(0x02, after[flags]);
            Assert.Equal(0x00, after[flags + 1]);

            var needsAfter = Readelf.VersionNeeds(patched);
            Assert.Equal(needsBefore.Count, needsAfter.Count);
            for (int i = 0; i < needsBefore.Count; i++)
            {
                string expectedFlags = needsBefore[i].Name == "GLIBCXX_3.4.32" ? "WEAK" : needsBefore[i].Flags;
                Assert.Equal(needsBefore[i] with { Flags = expectedFlags }, needsAfter[i]);
            }

            // Content-addressed: the folder is the SHA-256 of the original.
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(before)), Path.GetFileName(Path.GetDirectoryName(patched)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("unpatched")]
    [InlineData("garbage")]
    public void A_corrupt_cached_copy_is_detected_and_rebuilt_atomically(string damage)
    {
        string original = OriginalLibrary;
        string root = TempRoot();
        try
        {
            string patched = PatchedLibraryCache.GetOrCreate(original, root)!;
            byte[] good = File.ReadAllBytes(patched);
            byte[] bad = damage switch
            {
                "truncated" => good[..(good.Length / 2)],
                "unpatched" => File.ReadAllBytes(original),
                _ => System.Text.Encoding.ASCII.GetBytes("not a library"),
            };
            File.WriteAllBytes(patched, bad);

            Assert.Equal(patched, PatchedLibraryCache.GetOrCreate(original, root));
            Assert.Equal(good, File.ReadAllBytes(patched));
            // Only the library is left: the temp file was renamed over it.
            Assert.Equal([patched], Directory.GetFiles(Path.GetDirectoryName(patched)!));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_valid_cached_copy_is_reused_without_rewriting()
    {
        string root = TempRoot();
        try
        {
            string patched = PatchedLibraryCache.GetOrCreate(OriginalLibrary, root)!;
            var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(patched, stamp);
            Assert.Equal(patched, PatchedLibraryCache.GetOrCreate(OriginalLibrary, root));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(patched));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_library_without_the_need_is_not_copied()
    {
        string root = TempRoot();
        try
        {
            // libc10.so (libtorch) needs no GLIBCXX_3.4.32.
            string c10 = Path.Combine(Path.GetDirectoryName(OriginalLibrary)!, "libc10.so");
            if (!File.Exists(c10))
            {
                c10 = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(OriginalLibrary)!, "..", "..", "..", "..", "..", "libtorch-cpu-linux-x64"), "libc10.so", SearchOption.AllDirectories)[0];
            }

            Assert.DoesNotContain(Readelf.VersionNeeds(c10), n => n.Name == "GLIBCXX_3.4.32");
            Assert.Null(PatchedLibraryCache.GetOrCreate(c10, root));
            Assert.Empty(Directory.GetFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
