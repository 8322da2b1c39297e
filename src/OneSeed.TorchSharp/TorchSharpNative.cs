using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using OneSeed.TorchSharp.Native;
using TorchSharp;

namespace OneSeed.TorchSharp;

/// <summary>
/// Makes TorchSharp's native library loadable on Linux hosts whose libstdc++ predates GCC 13 (Debian 12,
/// Ubuntu 22.04), without any manual step. Every public entry point of OneSeed.TorchSharp calls
/// <see cref="EnsureLoaded"/> first.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107's <c>libLibTorchSharp.so</c> declares a need for the symbol version <c>GLIBCXX_3.4.32</c>
/// (for one function, <c>std::ios_base_library_init()</c>), which GCC 12's libstdc++ lacks, so the dynamic
/// loader refuses the whole library. When (and only when) the library does not load as is, OneSeed writes a copy
/// into a per-user cache (<c>$ONESEED_CACHE_DIR/native</c>, else <c>$XDG_CACHE_HOME/oneseed/native</c>, else
/// <c>~/.cache/oneseed/native</c>, in a folder named by the SHA-256 of the original) in which that one version need
/// is marked weak (<c>VER_FLG_WEAK</c> in its <c>.gnu.version_r</c> entry: every other byte is identical), loads
/// libtorch's own libraries from beside the original, loads the copy, and points TorchSharp's P/Invokes at it.
/// Hosts with a newer libstdc++, and other operating systems, are left alone.
/// </para>
/// <para>Reproducibility tier: not applicable (no random numbers); the patched copy is a deterministic function of the original.</para>
/// </remarks>
public static class TorchSharpNative
{
    private const string LibraryName = "LibTorchSharp";
    private const string LibraryFile = "libLibTorchSharp.so";

    private static readonly object Gate = new();
    private static volatile bool _loaded;
    private static IntPtr _patchedHandle;

    /// <summary>
    /// The path of the patched copy of <c>libLibTorchSharp.so</c> this process loaded, or null when TorchSharp's
    /// own library loaded as is (or <see cref="EnsureLoaded"/> has not run yet).
    /// </summary>
    public static string? PatchedLibraryPath { get; private set; }

    /// <summary>
    /// Ensures TorchSharp's native backend is loaded, patching it as described on <see cref="TorchSharpNative"/>
    /// when the host's libstdc++ is too old. Idempotent and thread-safe; after the first success it returns at once.
    /// </summary>
    /// <exception cref="DllNotFoundException">
    /// The native library cannot be loaded even with the fix; the message says what is missing and how to fix it.
    /// </exception>
    public static void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            if (OperatingSystem.IsLinux())
            {
                LoadOnLinux();
            }

            InitializeTorchSharp();
            _loaded = true;
        }
    }

    private static void LoadOnLinux()
    {
        Assembly torchSharp = typeof(torch).Assembly;
        List<string> folders = CandidateFolders(torchSharp);
        string? original = folders.Select(f => Path.Combine(f, LibraryFile)).FirstOrDefault(File.Exists);

        // First exactly what TorchSharp does (load by name, relative to its assembly): on a host with a recent
        // libstdc++ this succeeds and nothing else happens.
        if (TryLoadByName(torchSharp, out string firstError))
        {
            return;
        }

        // libtorch's libraries may sit in another folder than LibTorchSharp (NuGet cache layouts); a copy of
        // LibTorchSharp outside their folder needs them too, since its $ORIGIN RUNPATH then points at the cache.
        List<string> preloaded = original is null ? [] : PreloadDependencies(original, folders);
        if (preloaded.Count > 0 && TryLoadByName(torchSharp, out firstError))
        {
            return;
        }

        if (original is null)
        {
            throw new DllNotFoundException(
                $"TorchSharp's native library {LibraryFile} was not found (searched: {string.Join(", ", folders)}). " +
                "Reference the TorchSharp and libtorch-cpu-linux-x64 (or a libtorch-cuda-*) packages and restore them. Loader said: " + firstError);
        }

        if (!firstError.Contains(PatchedLibraryCache.VersionName, StringComparison.Ordinal))
        {
            throw new DllNotFoundException(
                $"TorchSharp's native library {original} cannot be loaded, and not because of {PatchedLibraryCache.VersionName} " +
                $"(which OneSeed can work around). Preloaded: [{string.Join(", ", preloaded)}]. Check that a libtorch package " +
                "(libtorch-cpu-linux-x64 2.10.0 for TorchSharp 0.107) is referenced and restored. Loader said: " + firstError);
        }

        string? patched;
        try
        {
            patched = PatchedLibraryCache.GetOrCreate(original, PatchedLibraryCache.DefaultRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home (containers, CI sandboxes): fall back to a per-user folder under the temp directory.
            patched = PatchedLibraryCache.GetOrCreate(original, Path.Combine(Path.GetTempPath(), $"oneseed-{Environment.UserName}", "native"));
        }
        if (patched is null)
        {
            throw new DllNotFoundException(
                $"TorchSharp's native library {original} needs {PatchedLibraryCache.VersionName}, which this host's libstdc++ lacks, " +
                "but its .gnu.version_r has no such entry to relax. Install libstdc++ from GCC 13 or newer. Loader said: " + firstError);
        }

        try
        {
            _patchedHandle = NativeLibrary.Load(patched);
        }
        catch (DllNotFoundException e) when (e.Message.Contains("cannot open shared object file", StringComparison.Ordinal))
        {
            throw new DllNotFoundException(
                $"OneSeed's copy of TorchSharp's native library ({patched}, made because this host's libstdc++ lacks " +
                $"{PatchedLibraryCache.VersionName}) cannot find libtorch's libraries: {e.Message}. They were looked for beside " +
                $"{original} and in [{string.Join(", ", folders)}]; reference and restore libtorch-cpu-linux-x64 2.10.0 (or a libtorch-cuda bundle of the same version).", e);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"TorchSharp's native library {original} needs {PatchedLibraryCache.VersionName} (libstdc++ from GCC 13), which this " +
                $"host's libstdc++ lacks; OneSeed's copy with that need relaxed ({patched}) did not load either: {e.Message}. " +
                "Install a newer libstdc++ (GCC 13 or later, e.g. the libstdc++6 package of a newer distribution release or a " +
                "conda libstdcxx-ng), or put one first on LD_LIBRARY_PATH.", e);
        }

        PatchedLibraryPath = patched;
        // TorchSharp's P/Invokes name "LibTorchSharp". The runtime first tries the original file (which fails
        // again), then bare names, which the dynamic loader matches against the soname of the copy already loaded;
        // this handler makes the outcome independent of that probing order.
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (assembly, name) =>
            assembly == torchSharp && (name == LibraryName || name == LibraryFile) ? _patchedHandle : IntPtr.Zero;
    }

    private static bool TryLoadByName(Assembly torchSharp, out string error)
    {
        try
        {
            NativeLibrary.Load(LibraryName, torchSharp, null);
            error = string.Empty;
            return true;
        }
        catch (DllNotFoundException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static void InitializeTorchSharp()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (NotSupportedException e)
        {
            throw new DllNotFoundException(
                $"TorchSharp could not initialise its native backend{(PatchedLibraryPath is null ? string.Empty : $" (OneSeed loaded the patched {PatchedLibraryPath})")}: {e.Message}", e);
        }
    }

    /// <summary>Loads, from the folders TorchSharp's libraries live in, those DT_NEEDED libraries that are found there.</summary>
    private static List<string> PreloadDependencies(string original, IReadOnlyList<string> folders)
    {
        var loaded = new List<string>();
        IReadOnlyList<string> needed;
        try
        {
            needed = ElfImage.ReadNeededLibraries(File.ReadAllBytes(original));
        }
        catch (FormatException)
        {
            return loaded;
        }

        // Beside the original first: that is where its $ORIGIN RUNPATH would find them.
        IEnumerable<string> search = folders.Prepend(Path.GetDirectoryName(original)!).Distinct(StringComparer.Ordinal);
        foreach (string name in needed)
        {
            string? path = search.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
            if (path is not null && NativeLibrary.TryLoad(path, out _))
            {
                loaded.Add(path);
            }
        }

        return loaded;
    }

    /// <summary>
    /// Where the runtime and TorchSharp look for native libraries: the runtime's native search folders (from the
    /// app's deps.json: the app folder, runtimes/linux-x64/native, NuGet cache folders), TorchSharp's own folder,
    /// and the NuGet global packages folder of the referenced TorchSharp and libtorch packages.
    /// </summary>
    private static List<string> CandidateFolders(Assembly torchSharp)
    {
        var folders = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
        {
            folders.AddRange(searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        string assemblyDir = Path.GetDirectoryName(torchSharp.Location) ?? AppContext.BaseDirectory;
        folders.Add(assemblyDir);
        folders.Add(Path.Combine(assemblyDir, "runtimes", "linux-x64", "native"));
        folders.Add(AppContext.BaseDirectory);
        folders.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"));

        string? packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        string? version = torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        if (version is not null)
        {
            folders.Add(Path.Combine(packages, "torchsharp", version, "runtimes", "linux-x64", "native"));
        }

        // The libtorch version this TorchSharp was built against ("2.10.0.0", restored as the folder "2.10.0"), read
        // from metadata: touching torch.__version__ would run torch's static constructor, which loads the native
        // library before we can help it.
        string? libtorchVersion = typeof(torch).GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string;
        if (libtorchVersion is not null && libtorchVersion.Count(c => c == '.') == 3 && libtorchVersion.EndsWith(".0", StringComparison.Ordinal))
        {
            libtorchVersion = libtorchVersion[..^2];
        }

        if (Directory.Exists(packages))
        {
            foreach (string package in Directory.EnumerateDirectories(packages, "libtorch-*linux-x64*").Order(StringComparer.Ordinal))
            {
                IEnumerable<string> versions = libtorchVersion is null
                    ? Directory.EnumerateDirectories(package).Order(StringComparer.Ordinal)
                    : [Path.Combine(package, libtorchVersion)];
                folders.AddRange(versions.Select(v => Path.Combine(v, "runtimes", "linux-x64", "native")));
            }
        }

        return folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists).ToList();
    }
}
