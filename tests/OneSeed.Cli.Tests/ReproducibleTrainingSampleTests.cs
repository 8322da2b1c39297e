using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OneSeed.Cli.Tests;

/// <summary>
/// samples/ReproducibleTraining as a process (few epochs to stay fast), and the docs' `oneseed audit` and
/// `oneseed sweep` commands on it.
/// </summary>
public sealed class ReproducibleTrainingSampleTests
{
    private static readonly Lazy<string> SampleDll = new(FindSample);

    [Fact]
    public void Sample_trains_and_proves_identical_digests_with_zero_workers_and_after_resuming()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = RunSample(dir.Path, new Dictionary<string, string> { ["ONESEED_SEED"] = "3" }, "--epochs", "4", "--out", "out");
        Assert.True(r.ExitCode == 0, r.ToString());
        string[] lines = r.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("epoch   4  loss ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("epoch   2  loss ", StringComparison.Ordinal) && l.EndsWith("(snapshot saved)", StringComparison.Ordinal));
        Assert.Contains("✓ a second run with 0 workers gives the identical digest", lines);
        Assert.Contains("✓ a run resumed from the snapshot after epoch 2 gives the identical digest", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith('✗'));
        Assert.Contains("Seed.Everything(3) (from ONESEED_SEED)", r.Stderr, StringComparison.Ordinal);

        JsonNode metric = JsonNode.Parse(lines[^1])!;
        double accuracy = metric["accuracy"]!.GetValue<double>();
        Assert.InRange(accuracy, 0.0, 1.0);
        string digest = metric["weights_sha256"]!.GetValue<string>();
        Assert.Contains("weights sha256: " + digest, lines);

        foreach (string file in new[] { "results.json", "model.bin", "fingerprint.json", "snapshot/rng.json", "snapshot/loader.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, "out", file)), file);
        }

        Assert.Equal(digest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir.Path, "out", "model.bin")))));
        JsonNode fingerprint = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "fingerprint.json")))!;
        Assert.Equal(1, fingerprint["oneseed_fingerprint_version"]!.GetValue<int>());

        // Stdout depends on the seed only: the worker count goes to stderr.
        CliProcess.Result serial = RunSample(dir.Path, new Dictionary<string, string> { ["ONESEED_SEED"] = "3", ["ONESEED_WORKERS"] = "0" }, "--epochs", "4", "--out", "out0");
        Assert.True(serial.ExitCode == 0, serial.ToString());
        Assert.Equal(r.Stdout, serial.Stdout);
    }

    [Fact]
    public void Sample_refuses_bad_arguments_with_one_line()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = RunSample(dir.Path, null, "--epochs", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        CliProcess.Result w = RunSample(dir.Path, new Dictionary<string, string> { ["ONESEED_WORKERS"] = "-1" }, "--epochs", "2");
        Assert.Equal(2, w.ExitCode);
        Assert.Contains("ONESEED_WORKERS", w.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Oneseed_audit_varying_workers_on_the_sample_agrees()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = CliProcess.Run(dir.Path, "audit", "--runs", "1", "--vary", "workers=0,2", "--artifact", "run/model.bin", "--",
            "dotnet", SampleDll.Value, "--epochs", "3", "--out", "run");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("the result does not depend on workers", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: all runs agree", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Oneseed_sweep_on_the_sample_reads_the_accuracy()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = CliProcess.Run(dir.Path, "sweep", "--seeds", "0..2", "--parallel", "2", "--metric", "accuracy", "--",
            "dotnet", SampleDll.Value, "--epochs", "2", "--out", "runs/{seed}");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("sweep: 3 seeds, 3 succeeded, 0 failed", r.Stdout, StringComparison.Ordinal);
        string csv = File.ReadAllText(Path.Combine(dir.Path, "oneseed-sweep", "results.csv"));
        Assert.Equal(4, csv.Trim().Split('\n').Length);
        for (int seed = 0; seed < 3; seed++)
        {
            JsonNode results = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "runs", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "results.json")))!;
            Assert.Equal(seed, results["seed"]!.GetValue<int>());
        }
    }

    private static CliProcess.Result RunSample(string workDir, IDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SampleDll.Value);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (string name in info.Environment.Keys.Where(n => n.StartsWith("ONESEED_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach ((string k, string v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using Process p = Process.Start(info)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("ReproducibleTraining did not finish in 2 minutes");
        }

        p.WaitForExit();
        return new CliProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindSample()
    {
        // Same layout as CliProcess: tests/OneSeed.Cli.Tests/bin/<Configuration>/<tfm>/ -> samples/ReproducibleTraining/bin/<Configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        DirectoryInfo? root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OneSeed.slnx")))
        {
            root = root.Parent;
        }

        string candidate = Path.Combine(root?.FullName ?? ".", "samples", "ReproducibleTraining", "bin", here.Parent!.Name, here.Name, "ReproducibleTraining.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("Build samples/ReproducibleTraining first: " + candidate);
    }
}
