using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OneSeed.TorchSharp.Tests;

/// <summary>GNU readelf (binutils) as the independent reference for the ELF parsing and the patch.</summary>
internal static partial class Readelf
{
    public const string Path = "/usr/bin/readelf";

    public static string Run(params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: apt-get install binutils (.ci/run does this).");
        }

        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["LC_ALL"] = "C";
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"readelf {string.Join(' ', args)} failed: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>(file, name, flags text, file offset of the Vernaux entry) for each version need, from readelf -V.</summary>
    public static List<(string File, string Name, string Flags, long EntryOffset)> VersionNeeds(string path)
    {
        string text = Run("-V", "-W", path);
        int start = text.IndexOf("Version needs section '.gnu.version_r'", StringComparison.Ordinal);
        Assert.True(start >= 0, "readelf shows no .gnu.version_r");
        string[] lines = text[start..].Split('\n');
        long sectionOffset = Convert.ToInt64(OffsetRegex().Match(lines[1]).Groups[1].Value, 16);
        var result = new List<(string, string, string, long)>();
        string file = "";
        foreach (string line in lines.Skip(2))
        {
            Match need = NeedRegex().Match(line);
            if (need.Success)
            {
                file = need.Groups[1].Value;
                continue;
            }

            Match aux = AuxRegex().Match(line);
            if (aux.Success)
            {
                result.Add((file, aux.Groups[2].Value, aux.Groups[3].Value.Trim(), sectionOffset + Convert.ToInt64(aux.Groups[1].Value, 16)));
            }
            else if (line.Trim().Length == 0 && result.Count > 0)
            {
                break;
            }
        }

        return result;
    }

    public static List<string> Needed(string path) =>
        NeededRegex().Matches(Run("-d", "-W", path)).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"Offset: 0x([0-9a-f]+)")]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"^\s*[0-9a-fx]+: Version: \d+\s+File: (\S+)\s+Cnt: \d+")]
    private static partial Regex NeedRegex();

    [GeneratedRegex(@"^\s*0x([0-9a-f]+):\s+Name: (\S+)\s+Flags: (.*?)\s+Version: \d+")]
    private static partial Regex AuxRegex();

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")]
    private static partial Regex NeededRegex();
}
