using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OneSeed.Cli.Tests;

/// <summary><c>--timeout</c> of audit and sweep: one run sleeps far past the limit, started with a grandchild; both must be ended and the other runs finish.</summary>
public sealed class TimeoutEndToEndTests
{
    /// <summary>Shell lines that, when <paramref name="condition"/> holds, record the shell's pid and a background grandchild's pid and sleep for 60 s.</summary>
    private static string HangWhen(string condition) =>
        $"if {condition}; then echo $$ > child.pid; sleep 60 & echo $! > grandchild.pid; wait; fi; ";

    [Fact]
    public void Audit_Timeout_RecordsTheRun_KillsItsProcessTree_AndComparesTheOthers()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = "n=$(cat counter 2>/dev/null || echo 0); n=$((n+1)); echo $n > counter; " + HangWhen("[ $n = 2 ]") + "echo done";
        var watch = Stopwatch.StartNew();
        var r = CliProcess.Run(dir.Path, "audit", "--runs", "3", "--timeout", "1s", "--", "sh", "-c", script);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), r.ToString());

        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains("timeout 1 s per run", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("[same seed] run 1: exit 0,", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("[same seed] run 2: TIMED OUT after 1 s (--timeout), process tree killed", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("[same seed] run 3: exit 0,", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("the 2 runs that finished agree (1 timed out)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: 1 run(s) TIMED OUT (limit 1 s); the runs that finished agree", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("3", File.ReadAllText(dir.File("counter")).Trim());
        AssertEnded(dir.File("child.pid"));
        AssertEnded(dir.File("grandchild.pid"));
    }

    [Fact]
    public void Audit_Timeout_DoesNotHideADifferenceBetweenTheRunsThatFinished()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = "n=$(cat counter 2>/dev/null || echo 0); n=$((n+1)); echo $n > counter; " + HangWhen("[ $n = 1 ]") + "echo run $n";
        var r = CliProcess.Run(dir.Path, "audit", "--runs", "3", "--timeout", "1000ms", "--", "sh", "-c", script);
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("DIFFERENT stdout ([same seed] run 2 vs run 3)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: runs DISAGREE (1 run(s) TIMED OUT)", r.Stdout, StringComparison.Ordinal);
        AssertEnded(dir.File("grandchild.pid"));
    }

    [Fact]
    public void Sweep_Timeout_RecordsTimedOutSeed_InCsvAndJson_KillsItsProcessTree_AndRunsTheRest()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string script = HangWhen("[ {seed} = 1 ]") + "echo m={seed}";
        var watch = Stopwatch.StartNew();
        var r = CliProcess.Run(dir.Path, "sweep", "--seeds", "0..3", "--metric", "m=([0-9]+)", "--timeout", "1.5s", "--out", "out", "--", "sh", "-c", script);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), r.ToString());

        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains("sweep: 4 seeds, 3 succeeded, 1 failed (1 timed out)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed seed 1: timed out after 1.5 s (--timeout), process tree killed", r.Stdout, StringComparison.Ordinal);

        string[] csv = File.ReadAllLines(dir.File("out/results.csv"));
        Assert.StartsWith("1,timed_out,,,", csv[2], StringComparison.Ordinal);
        Assert.StartsWith("2,ok,0,2,", csv[3], StringComparison.Ordinal);

        JsonObject json = JsonNode.Parse(File.ReadAllText(dir.File("out/results.json")))!.AsObject();
        Assert.Equal(1, (int)json["failed"]!);
        Assert.Equal(1, (int)json["timed_out"]!);
        Assert.Equal(3, (int)json["statistics"]!["count"]!);
        JsonArray runs = json["runs"]!.AsArray();
        JsonNode seed1 = runs.Single(x => (long)x!["seed"]! == 1)!;
        Assert.Equal("timed_out", (string?)seed1["status"]);
        Assert.Equal(1.5, (double)seed1["timeout_s"]!);
        Assert.Null(seed1["exit_code"]);
        Assert.True((double)seed1["elapsed_s"]! is >= 1.5 and < 30, seed1.ToJsonString());
        Assert.All(runs.Where(x => (long)x!["seed"]! != 1), x => Assert.Equal("ok", (string?)x!["status"]));
        Assert.All(runs.Where(x => (long)x!["seed"]! != 1), x => Assert.Null(x!["timeout_s"]));
        AssertEnded(dir.File("child.pid"));
        AssertEnded(dir.File("grandchild.pid"));

        // The timed-out seed is a failure: the journal keeps it, and --retry-failed runs exactly it again (here without a limit it would hang, so with one).
        r = CliProcess.Run(dir.Path, "sweep", "--seeds", "0..3", "--metric", "m=([0-9]+)", "--timeout", "1s", "--retry-failed", "--out", "out", "--", "sh", "-c", script);
        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains("3 already finished", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed seed 1: timed out after 1 s (--timeout)", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit", "0")]
    [InlineData("sweep", "-2s")]
    [InlineData("sweep", "ten")]
    public void BadTimeout_IsAUsageError_BeforeAnythingRuns(string command, string value)
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        string[] args = command == "audit"
            ? ["audit", "--timeout", value, "--", "touch", "ran"]
            : ["sweep", "--seeds", "0", "--out", "o", "--timeout", value, "--", "touch", "ran"];
        var r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.StartsWith("oneseed: --timeout", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("ran")));
        Assert.False(Directory.Exists(dir.File("o")));
    }

    /// <summary>The process whose pid the file holds has ended (gone, or a zombie waiting to be reaped), within a few seconds of the command's return.</summary>
    private static void AssertEnded(string pidFile)
    {
        Assert.True(File.Exists(pidFile), pidFile + " was not written");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"process {pid} ({Path.GetFileName(pidFile)}) is still running after the timeout");
            Thread.Sleep(50);
        }
    }

    private static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // "pid (comm) S ...": the state follows the last ')'; Z (zombie) and X (dead) have ended.
        char state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }
}
