using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace OneSeed.Cli.Tests;

public sealed class SweepEndToEndTests
{
    [Fact]
    public void Sweep_RegexMetric_WritesCsvJsonSvgAndStatistics()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        // metric = seed, so the statistics are known: 0..4 -> mean 2, sample sd sqrt(2.5), median 2.
        var r = CliProcess.Run(dir.Path, "sweep", "--seeds", "0..4", "--parallel", "2", "--metric", "loss=([0-9.]+)", "--out", "out", "--goal", "min",
            "--", "sh", "-c", "echo epoch 1 loss=99; echo seed $ONESEED_SEED; echo loss={seed}.0");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("best seed: 0, worst seed: 4", r.Stdout, StringComparison.Ordinal);

        string[] csv = File.ReadAllLines(dir.File("out/results.csv"));
        Assert.Equal("seed,status,exit_code,metric,elapsed_s,error", csv[0]);
        Assert.Equal(6, csv.Length);
        Assert.StartsWith("3,ok,0,3,", csv[4], StringComparison.Ordinal);

        JsonObject json = JsonNode.Parse(File.ReadAllText(dir.File("out/results.json")))!.AsObject();
        JsonNode stats = json["statistics"]!;
        Assert.Equal(2.0, (double)stats["mean"]!);
        Assert.Equal(Math.Sqrt(2.5), (double)stats["std"]!, 12);
        Assert.Equal(2.0, (double)stats["quantiles"]!["0.5"]!);
        Assert.Equal(0.2, (double)stats["quantiles"]!["0.05"]!, 12);
        Assert.Equal(0, (long)stats["min"]!["seed"]!);
        Assert.Equal(4, (long)stats["max"]!["seed"]!);
        Assert.Equal(5, json["runs"]!.AsArray().Count);

        Assert.True(File.Exists(dir.File("out/fingerprint.json")));
        XDocument svg = XDocument.Load(dir.File("out/plot.svg"));
        string text = svg.ToString();
        Assert.Contains("best: seed 0", text, StringComparison.Ordinal);
        Assert.Contains("worst: seed 4", text, StringComparison.Ordinal);
        Assert.Equal(5 + 2, svg.Descendants().Count(e => e.Name.LocalName == "circle")); // 5 points + 2 label rings
    }

    [Fact]
    public void Sweep_JsonKeyMetric_FromLastJsonLine()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = "echo '{\"val\": {\"acc\": 0.5}}'; echo 'not json'; echo '{\"val\": {\"acc\": {seed}.5, \"hist\": [1, 2]}}'";
        var r = CliProcess.Run(dir.Path, "sweep", "--seeds", "1,3", "--metric", "val.acc", "--out", "o", "--", "sh", "-c", script);
        Assert.True(r.ExitCode == 0, r.ToString());
        string[] csv = File.ReadAllLines(dir.File("o/results.csv"));
        Assert.StartsWith("1,ok,0,1.5,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("3,ok,0,3.5,", csv[2], StringComparison.Ordinal);

        r = CliProcess.Run(dir.Path, "sweep", "--seeds", "2", "--metric", "json:val.hist.1", "--out", "o2", "--", "sh", "-c", script);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("2,ok,0,2,", File.ReadAllLines(dir.File("o2/results.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_Failures_AreRecordedWithExitCode_AndRetriedOnlyOnRequest()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = "echo {seed} >> started.log; if [ {seed} = 2 ]; then echo boom >&2; exit 3; fi; if [ {seed} = 4 ]; then echo nothing; exit 0; fi; echo m={seed}";
        string[] args = ["sweep", "--seeds", "0..5", "--metric", "m=([0-9]+)", "--out", "out", "--", "sh", "-c", script];
        var r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains("failed seed 2: exit code 3", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed seed 4: the metric regex did not match the output", r.Stdout, StringComparison.Ordinal);

        string[] csv = File.ReadAllLines(dir.File("out/results.csv"));
        Assert.StartsWith("2,failed,3,,", csv[3], StringComparison.Ordinal);
        Assert.StartsWith("4,failed,0,,", csv[5], StringComparison.Ordinal);
        JsonObject json = JsonNode.Parse(File.ReadAllText(dir.File("out/results.json")))!.AsObject();
        Assert.Equal(2, (int)json["failed"]!);
        JsonNode seed2 = json["runs"]!.AsArray().Single(x => (long)x!["seed"]! == 2)!;
        Assert.Equal("failed", (string?)seed2["status"]);
        Assert.Equal(3, (int)seed2["exit_code"]!);
        Assert.Equal("boom", (string?)seed2["stderr_tail"]);
        Assert.Equal(4, (int)json["statistics"]!["count"]!);

        // Running again re-runs nothing; --retry-failed re-runs exactly the failed seeds.
        r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Equal(6, File.ReadAllLines(dir.File("started.log")).Length);
        r = CliProcess.Run(dir.Path, [.. args[..7], "--retry-failed", .. args[7..]]);
        Assert.True(r.ExitCode == 5, r.ToString());
        string[] log = File.ReadAllLines(dir.File("started.log"));
        Assert.Equal(8, log.Length);
        Assert.Equal(["2", "4"], log[6..].Order());
    }

    [Fact]
    public void Sweep_KilledMidway_ResumesWithoutRerunningFinishedSeeds()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = "echo {seed} >> started.log; sleep 0.4; echo acc={seed}";
        string[] args = ["sweep", "--seeds", "0..7", "--metric", "acc=([0-9]+)", "--out", "out", "--", "sh", "-c", script];
        string journal = dir.File("out/runs.jsonl");
        using (Process p = CliProcess.Start(dir.Path, null, args))
        {
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            var watch = Stopwatch.StartNew();
            while (!(File.Exists(journal) && File.ReadAllLines(journal).Length >= 3))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the sweep did not record 3 seeds in 60 s");
                Assert.False(p.HasExited, "the sweep finished before it could be killed");
                Thread.Sleep(20);
            }

            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        var finishedBefore = File.ReadAllLines(journal).Where(l => l.Length > 0).Select(l => (long)JsonNode.Parse(l)!["seed"]!).ToList();
        Assert.InRange(finishedBefore.Count, 3, 7);
        Assert.False(File.Exists(dir.File("out/results.csv")));

        var r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{finishedBefore.Count} already finished", r.Stderr, StringComparison.Ordinal);

        string[] started = File.ReadAllLines(dir.File("started.log"));
        foreach (long seed in finishedBefore)
        {
            Assert.Equal(1, started.Count(s => s == seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var journalSeeds = File.ReadAllLines(journal).Select(l => (long)JsonNode.Parse(l)!["seed"]!).ToList();
        Assert.Equal(8, journalSeeds.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), journalSeeds.Order());
        string[] csv = File.ReadAllLines(dir.File("out/results.csv"));
        Assert.Equal(9, csv.Length);
        Assert.All(csv.Skip(1), row => Assert.Contains(",ok,0,", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_Interrupted_Exits130_AndResumes()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string[] args = ["sweep", "--seeds", "0..5", "--out", "out", "--", "sh", "-c", "sleep 0.3; echo {seed}"];
        string journal = dir.File("out/runs.jsonl");
        using (Process p = CliProcess.Start(dir.Path, null, args))
        {
            _ = p.StandardOutput.ReadToEndAsync();
            Task<string> stderr = p.StandardError.ReadToEndAsync();
            var watch = Stopwatch.StartNew();
            while (!(File.Exists(journal) && File.ReadAllLines(journal).Length >= 2))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited, "the sweep did not record 2 seeds");
                Thread.Sleep(20);
            }

            using (Process kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "the sweep did not stop on SIGINT");
            Assert.Equal(130, p.ExitCode);
            string error = await stderr;
            Assert.Contains("interrupted", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        var r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(6, File.ReadAllLines(journal).Length);
    }

    [Fact]
    public void Sweep_TornJournalLine_IsDroppedOnResume()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        Directory.CreateDirectory(dir.File("out"));
        string[] args = ["sweep", "--seeds", "0..2", "--out", "out", "--", "sh", "-c", "echo {seed} >> started.log"];
        Assert.Equal(0, CliProcess.Run(dir.Path, [.. args[..5], "--", "sh", "-c", "echo {seed} >> started.log"]).ExitCode);
        File.AppendAllText(dir.File("out/runs.jsonl"), "{\"seed\": 9, \"sta");
        var r = CliProcess.Run(dir.Path, ["sweep", "--seeds", "0..3", "--out", "out", "--", "sh", "-c", "echo {seed} >> started.log"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["0", "1", "2", "3"], File.ReadAllLines(dir.File("started.log")).Order());
        Assert.All(File.ReadAllLines(dir.File("out/runs.jsonl")), l => JsonNode.Parse(l));
        _ = args;
    }

    [Fact]
    public void Sweep_OutDirOfAnotherCommand_IsRefused()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        Assert.Equal(0, CliProcess.Run(dir.Path, "sweep", "--seeds", "0", "--out", "o", "--", "echo", "a").ExitCode);
        var r = CliProcess.Run(dir.Path, "sweep", "--seeds", "0", "--out", "o", "--", "echo", "b");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("holds a sweep of another command", r.Stderr, StringComparison.Ordinal);
    }
}
