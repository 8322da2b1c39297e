using System.Collections.ObjectModel;

namespace OneSeed.Data;

/// <summary>
/// A dataset of image files arranged as <c>root/class_name/…/file.png</c>, listed exactly as torchvision's
/// <c>ImageFolder</c> lists them: the same classes, class indices and <c>(path, class_index)</c> samples in the same
/// order. <see cref="Get"/> returns the file's bytes and its class index.
/// </summary>
/// <remarks>
/// <para>
/// The listing follows torchvision 0.14's <c>find_classes</c> and <c>make_dataset</c>
/// (<c>torchvision/datasets/folder.py</c>): the classes are the sub-directories of the root (symbolic links to
/// directories included, hidden ones too), sorted by code point as Python's <c>sorted</c> sorts strings; each class
/// directory is walked recursively following symbolic links (<c>os.walk(followlinks=True)</c>), the directories in
/// code-point order of their paths (<c>sorted(os.walk(…))</c>), each one's files in code-point order of their names;
/// a file is a sample when its path, lower-cased, ends with one of <see cref="ImageExtensions"/>. Paths are
/// <c>Path.Join(root, class, …, file)</c>, with the root as passed. Directories that cannot be listed are skipped, as
/// <c>os.walk</c> skips them. Symbolic-link loops are not supported (torchvision's walk does not detect them either).
/// </para>
/// <para>
/// A class without any image is an error, as in torchvision 0.14 (<c>FileNotFoundError</c>, here a
/// <see cref="FileNotFoundException"/> with torchvision's message); <c>allowEmpty</c> keeps such classes, as later
/// torchvision versions' <c>allow_empty=True</c> does. The listing is made once, when the dataset is created.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (torchvision's order; the bytes are the files').</para>
/// </remarks>
public sealed class ImageFolderDataset : IDataset<ImageFolderSample>
{
    private readonly (string Path, int ClassIndex)[] _samples;

    /// <summary>Lists the images under <paramref name="root"/>.</summary>
    /// <param name="root">The directory holding one sub-directory per class.</param>
    /// <param name="allowEmpty">Accept class directories without any image (torchvision 0.14 refuses them).</param>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="root"/> has no class directory, or (without <paramref name="allowEmpty"/>) a class has no image.</exception>
    public ImageFolderDataset(string root, bool allowEmpty = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The image folder root '{root}' does not exist.");
        }

        string[] classes = [.. Directory.EnumerateFileSystemEntries(root).Where(Directory.Exists).Select(System.IO.Path.GetFileName).Select(n => n!)];
        Array.Sort(classes, CodePointComparer.Instance);
        if (classes.Length == 0)
        {
            throw new FileNotFoundException($"Couldn't find any class folder in {root}.");
        }

        var classToIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
        {
            classToIndex[classes[i]] = i;
        }

        var samples = new List<(string, int)>();
        var empty = new List<string>();
        for (int c = 0; c < classes.Length; c++)
        {
            int before = samples.Count;
            var directories = new List<(string Path, string[] Files)>();
            Walk(System.IO.Path.Join(root, classes[c]), directories);
            directories.Sort((a, b) => CodePointComparer.Instance.Compare(a.Path, b.Path));
            foreach ((string directory, string[] files) in directories)
            {
                Array.Sort(files, CodePointComparer.Instance);
                foreach (string file in files)
                {
                    string path = System.IO.Path.Join(directory, file);
                    if (HasImageExtension(path))
                    {
                        samples.Add((path, c));
                    }
                }
            }

            if (samples.Count == before)
            {
                empty.Add(classes[c]);
            }
        }

        if (empty.Count > 0 && !allowEmpty)
        {
            // torchvision's message, word for word (its classes are already in sorted order here).
            throw new FileNotFoundException($"Found no valid file for the classes {string.Join(", ", empty)}. Supported extensions are: {string.Join(", ", ImageExtensions)}");
        }

        Root = root;
        Classes = Array.AsReadOnly(classes);
        ClassToIndex = new ReadOnlyDictionary<string, int>(classToIndex);
        _samples = [.. samples];
        Targets = Array.AsReadOnly(_samples.Select(s => s.ClassIndex).ToArray());
    }

    /// <summary>The extensions torchvision's <c>IMG_EXTENSIONS</c> accepts: .jpg .jpeg .png .ppm .bmp .pgm .tif .tiff .webp.</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = Array.AsReadOnly([".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"]);

    /// <summary>The root directory, as passed.</summary>
    public string Root { get; }

    /// <summary>The class names (the class directories' names) in class-index order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The class index of each class name (torchvision's <c>class_to_idx</c>).</summary>
    public IReadOnlyDictionary<string, int> ClassToIndex { get; }

    /// <summary>Every sample's path and class index, in sample order (torchvision's <c>samples</c>).</summary>
    public IReadOnlyList<(string Path, int ClassIndex)> Samples => _samples;

    /// <summary>Every sample's class index, in sample order (torchvision's <c>targets</c>).</summary>
    public IReadOnlyList<int> Targets { get; }

    /// <inheritdoc />
    public int Count => _samples.Length;

    /// <summary>Whether <paramref name="path"/>, lower-cased, ends with one of <see cref="ImageExtensions"/> (torchvision's <c>is_image_file</c>).</summary>
    /// <remarks>
    /// Python lower-cases the whole name; only ASCII letters are lowered here. The two are the same for these endings:
    /// no other character lower-cases to one of their letters (the Kelvin sign becomes 'k', which none contains), and
    /// 'ı' or 'ſ', which an ordinal case-insensitive comparison would take for 'i' or 's', stay themselves in Python.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static bool HasImageExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (string extension in ImageExtensions)
        {
            if (path.Length >= extension.Length && EndsWithAsciiLowered(path, extension))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sample <paramref name="index"/>: its path, class index and the file's bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    /// <exception cref="IOException">The file cannot be read (it was removed or changed since the listing).</exception>
    public ImageFolderSample Get(int index, SampleContext context)
    {
        if ((uint)index >= (uint)_samples.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The sample index must be in [0, {_samples.Length}).");
        }

        (string path, int classIndex) = _samples[index];
        return new ImageFolderSample(path, classIndex, File.ReadAllBytes(path));
    }

    /// <summary>The dataset as <c>ImageFolderDataset(root, n samples, k classes)</c>.</summary>
    public override string ToString() => $"ImageFolderDataset({Root}, {Count} samples, {Classes.Count} classes)";

    private static bool EndsWithAsciiLowered(string path, string extension)
    {
        int start = path.Length - extension.Length;
        for (int i = 0; i < extension.Length; i++)
        {
            char c = path[start + i];
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + ('a' - 'A'));
            }

            if (c != extension[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds <paramref name="directory"/> and every directory below it (following symbolic links) with its non-directory
    /// entries, as <c>os.walk(followlinks=True)</c> yields them; a directory that cannot be listed is skipped.
    /// </summary>
    private static void Walk(string directory, List<(string Path, string[] Files)> result)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var files = new List<string>();
        var subdirectories = new List<string>();
        foreach (string entry in entries)
        {
            string name = System.IO.Path.GetFileName(entry);
            if (Directory.Exists(entry))
            {
                subdirectories.Add(name);
            }
            else
            {
                files.Add(name);
            }
        }

        result.Add((directory, [.. files]));
        foreach (string name in subdirectories)
        {
            Walk(System.IO.Path.Join(directory, name), result);
        }
    }
}
