using System.Text;
using System.Text.Json.Nodes;
using OneSeed.Data;
using OneSeed.Data.Tests.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class ImageFolderDatasetTests
{
    private static readonly string[] NamePieces =
    [
        "a", "A", "b", "B", "z", "Z", "0", "9", " ", "-", "_", ".", "~", "é", "É", "ı", "İ", "ſ", "ß", "中", "ｆ", "Ａ", "\uFF5E",
        "😀", "𝔘", "\U0001F600x", "ɐ",
    ];

    private static readonly string[] Extensions =
    [
        ".png", ".PNG", ".Png", ".jpg", ".JPG", ".jpeg", ".JpEg", ".ppm", ".bmp", ".pgm", ".tif", ".TIFF", ".webp", ".WebP",
        ".txt", ".pngx", ".jpg.bak", ".tıf", ".pnG ", "", ".json", "png",
    ];

    [Fact]
    public void Lists_the_golden_tree_as_torchvision_0_14_does()
    {
        JsonNode golden = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OneSeed.Data.Tests", "GoldenVectors", "image_folder.json")))!;
        Assert.StartsWith("0.14", (string)golden["torchvision"]!, StringComparison.Ordinal);
        foreach (JsonNode? item in golden["cases"]!.AsArray())
        {
            JsonNode c = item!;
            using var dir = new TempDirectory("oneseed-shards-");
            Materialize(dir.Path, Strings(c["dirs"]), Strings(c["files"]), [.. c["symlinks"]!.AsArray().Select(l => (Link: (string)l![0]!, Target: (string)l[1]!))]);
            Compare(dir.Path, c, relative: true, (string)c["name"]!);
        }
    }

    [Fact]
    public void Lists_fresh_random_trees_as_live_torchvision_does()
    {
        var seeds = new LiveSeeds();
        using var dir = new TempDirectory("oneseed-shards-");
        var roots = new List<string>();
        for (int t = 0; t < 12; t++)
        {
            string root = Path.Combine(dir.Path, $"tree{t}");
            RandomTree(seeds, root, allowEmptyClass: t % 4 == 3);
            roots.Add(root);
        }

        JsonNode answer = PythonOracle.Run("image_folder.py", new JsonObject
        {
            ["op"] = "image_folder",
            ["cases"] = new JsonArray([.. roots.Select(r => (JsonNode)new JsonObject { ["root"] = r })]),
        });
        JsonArray results = answer["results"]!.AsArray();
        int errors = 0;
        for (int t = 0; t < roots.Count; t++)
        {
            errors += results[t]!["error"] is null ? 0 : 1;
            Compare(roots[t], results[t]!, relative: false, $"tree {t} {seeds.Replay}");
        }

        Assert.True(errors < roots.Count, $"every tree failed in torchvision {seeds.Replay}");
    }

    [Fact]
    public void Get_returns_the_file_bytes_and_class_and_allow_empty_keeps_empty_classes()
    {
        using var dir = new TempDirectory("oneseed-shards-");
        Materialize(dir.Path, ["b", "a", "empty"], ["b/x.png", "a/y.JPG", "empty/readme.txt"], []);
        Assert.Throws<FileNotFoundException>(() => new ImageFolderDataset(dir.Path));
        var dataset = new ImageFolderDataset(dir.Path, allowEmpty: true);
        Assert.Equal(["a", "b", "empty"], dataset.Classes);
        Assert.Equal(2, dataset.Count);
        ImageFolderSample sample = dataset.Get(1, new SampleContext(0, 0, 1));
        Assert.Equal(Path.Join(dir.Path, "b", "x.png"), sample.Path);
        Assert.Equal(1, sample.ClassIndex);
        Assert.Equal("b/x.png", Encoding.UTF8.GetString(sample.Bytes.Span));
        Assert.Equal([0, 1], dataset.Targets);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Get(2, new SampleContext(0, 0, 2)));
        Assert.Throws<DirectoryNotFoundException>(() => new ImageFolderDataset(Path.Combine(dir.Path, "missing")));
        Assert.Contains("Couldn't find any class folder", Assert.Throws<FileNotFoundException>(() => new ImageFolderDataset(Path.Combine(dir.Path, "a"))).Message, StringComparison.Ordinal);
    }

    /// <summary>Checks our listing of <paramref name="root"/> against torchvision's answer (paths relative to the root in the golden file).</summary>
    private static void Compare(string root, JsonNode expected, bool relative, string context)
    {
        if (expected["error"] is { } error)
        {
            Assert.Equal("FileNotFoundError", (string)error!);
            var e = Assert.Throws<FileNotFoundException>(() => new ImageFolderDataset(root));
            Assert.Equal(((string)expected["message"]!).Replace("<root>", root, StringComparison.Ordinal), e.Message);
            return;
        }

        var dataset = new ImageFolderDataset(root);
        Assert.Equal(Strings(expected["classes"]), dataset.Classes);
        JsonObject classToIndex = expected["class_to_idx"]!.AsObject();
        Assert.Equal(classToIndex.Count, dataset.ClassToIndex.Count);
        foreach ((string name, JsonNode? index) in classToIndex)
        {
            Assert.Equal((int)index!, dataset.ClassToIndex[name]);
        }

        string[] want = [.. expected["samples"]!.AsArray().Select(s => $"{(string)s![0]!} -> {(int)s[1]!}")];
        string[] got = [.. dataset.Samples.Select(s => $"{(relative ? Path.GetRelativePath(root, s.Path) : s.Path)} -> {s.ClassIndex}")];
        for (int i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            Assert.True(want[i] == got[i], $"{context}: sample {i} is {got[i]}, torchvision has {want[i]}");
        }

        Assert.True(want.Length == got.Length, $"{context}: {got.Length} samples, torchvision has {want.Length}");
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    private static void Materialize(string root, IEnumerable<string> dirs, IEnumerable<string> files, IEnumerable<(string Link, string Target)> symlinks)
    {
        Directory.CreateDirectory(root);
        foreach (string d in dirs)
        {
            Directory.CreateDirectory(Path.Combine(root, d));
        }

        foreach (string f in files)
        {
            File.WriteAllBytes(Path.Combine(root, f), Encoding.UTF8.GetBytes(f));
        }

        foreach ((string link, string target) in symlinks)
        {
            File.CreateSymbolicLink(Path.Combine(root, link), target);
        }
    }

    /// <summary>A random tree: classes and nested folders with random (unicode, mixed-case) names, image and other files, symbolic links, optionally an empty class.</summary>
    private static void RandomTree(LiveSeeds seeds, string root, bool allowEmptyClass)
    {
        string Name()
        {
            var text = new StringBuilder();
            int length = seeds.Int(1, 5);
            for (int i = 0; i < length; i++)
            {
                text.Append(seeds.Pick(NamePieces));
            }

            string name = text.ToString();
            return name is "." or ".." ? name + "x" : name;
        }

        var dirs = new List<string>();
        var files = new List<string>();
        var symlinks = new List<(string, string)>();
        int classes = seeds.Int(1, 7);
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        while (classNames.Count < classes)
        {
            classNames.Add(Name());
        }

        foreach (string cls in classNames)
        {
            var folders = new List<string> { cls };
            int nested = seeds.Int(0, 4);
            for (int n = 0; n < nested; n++)
            {
                folders.Add($"{seeds.Pick(folders)}/{Name()}");
            }

            dirs.AddRange(folders);
            bool empty = allowEmptyClass && seeds.Int(0, 2) == 0;
            int count = seeds.Int(1, 8);
            for (int f = 0; f < count; f++)
            {
                string extension = empty ? ".txt" : seeds.Pick(Extensions);
                files.Add($"{seeds.Pick(folders)}/{Name()}{extension}");
            }

            if (!empty)
            {
                files.Add($"{cls}/{Name()}.png"); // at least one image, so that most trees list
            }

            if (seeds.Int(0, 3) == 0)
            {
                symlinks.Add(($"{seeds.Pick(folders)}/{Name()}-broken.png", "does-not-exist"));
            }
        }

        files.Add($"{Name()}.png"); // a file at the root is not a class
        if (seeds.Int(0, 2) == 0)
        {
            symlinks.Add(($"{Name()}-link", seeds.Pick(classNames.ToList()))); // a symbolic link to a class folder is a class
        }

        Materialize(root, dirs, files.Distinct(StringComparer.Ordinal).Where(f => !dirs.Contains(f)), symlinks.DistinctBy(s => s.Item1).Where(s => !dirs.Contains(s.Item1) && !files.Contains(s.Item1)));
    }
}
