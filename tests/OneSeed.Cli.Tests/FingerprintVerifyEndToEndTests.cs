using System.Text.Json.Nodes;
using OneSeed.Diagnostics;

namespace OneSeed.Cli.Tests;

public sealed class FingerprintVerifyEndToEndTests
{
    [Fact]
    public void Fingerprint_WritesValidVersionedJson_AndPrintsSummary()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "3", ["ONESEED_SEED"] = "1234" }, "fingerprint", "-o", "run.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("runtime", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("fingerprint written to run.json", r.Stdout, StringComparison.Ordinal);

        JsonObject json = JsonNode.Parse(File.ReadAllText(dir.File("run.json")))!.AsObject();
        Assert.Equal(1, (int)json["oneseed_fingerprint_version"]!);
        Assert.Equal(Environment.Version.ToString(), (string?)json["runtime"]!["version"]);
        Assert.Equal("3", (string?)json["environment"]!["OMP_NUM_THREADS"]);
        Assert.Equal("1234", (string?)json["seed"]!["value"]);
        Assert.False(string.IsNullOrEmpty((string?)json["simd"]!["vector_bits"]));
        Assert.False(string.IsNullOrEmpty((string?)json["runtime"]!["sdk"]));
        Assert.Null((string?)json["git"]!["commit"]); // a temp directory is no repository: unknown, not guessed
        Assert.NotNull(json["assemblies"]!["OneSeed"]);

        EnvironmentFingerprint fp = EnvironmentFingerprint.Load(dir.File("run.json"));
        Assert.Equal("1234", fp["seed.value"]);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void Fingerprint_Json_GoesToStdout()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "fingerprint", "--json", "--no-git");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("not requested", EnvironmentFingerprint.FromJson(r.Stdout)["git.status"]);
    }

    [Fact]
    public void Fingerprint_RecordsGitCommitAndDirtyState()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        if (!Git(dir.Path, "init", "-q") || !Git(dir.Path, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "x"))
        {
            Assert.Fail("git is needed for this test");
        }

        var r = CliProcess.Run(dir.Path, "fingerprint", "--json");
        EnvironmentFingerprint fp = EnvironmentFingerprint.FromJson(r.Stdout);
        Assert.Matches("^[0-9a-f]{40}$", fp["git.commit"]);
        Assert.Equal("false", fp["git.dirty"]);

        File.WriteAllText(dir.File("tracked.txt"), "a");
        Git(dir.Path, "add", "tracked.txt");
        fp = EnvironmentFingerprint.FromJson(CliProcess.Run(dir.Path, "fingerprint", "--json").Stdout);
        Assert.Equal("true", fp["git.dirty"]);
    }

    [Fact]
    public void Verify_SameMachine_HasNothingBreaking()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        Assert.Equal(0, CliProcess.Run(dir.Path, "fingerprint", "-o", "run.json").ExitCode);
        var r = CliProcess.Run(dir.Path, "verify", "run.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("0 breaking", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EditedRuntimeVersion_IsBreaking()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        Assert.Equal(0, CliProcess.Run(dir.Path, "fingerprint", "-o", "run.json").ExitCode);
        Edit(dir.File("run.json"), j => j["runtime"]!["version"] = "9.0.1");
        var r = CliProcess.Run(dir.Path, "verify", "run.json");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("BREAKS runtime.version: 9.0.1 -> " + Environment.Version, r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EditedEnvironmentVariables_AreClassified()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var env = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "4" };
        Assert.Equal(0, CliProcess.Run(dir.Path, env, "fingerprint", "-o", "run.json").ExitCode);

        // A thread count: may change results; exit 0, but 1 with --strict.
        Edit(dir.File("run.json"), j => j["environment"]!["OMP_NUM_THREADS"] = "8");
        var r = CliProcess.Run(dir.Path, env, "verify", "run.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("MAY    environment.OMP_NUM_THREADS: 8 -> 4", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliProcess.Run(dir.Path, env, "verify", "--strict", "run.json").ExitCode);

        // A SIMD switch that was set when the result was made and is not set now: breaking.
        Edit(dir.File("run.json"), j => j["environment"]!["DOTNET_EnableAVX2"] = "0");
        r = CliProcess.Run(dir.Path, env, "verify", "run.json");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("BREAKS environment.DOTNET_EnableAVX2: 0 -> (absent)", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null, "cannot read")]
    [InlineData("bad.json", "{ not json", "not a valid fingerprint")]
    [InlineData("v9.json", "{\"oneseed_fingerprint_version\": 9}", "Unsupported oneseed_fingerprint_version")]
    [InlineData("other.json", "{\"bit_generator\": \"PCG64\"}", "is missing")]
    public void Verify_UnreadableOrInvalidFile_OneLineExit3(string name, string? content, string message)
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        if (content is not null)
        {
            File.WriteAllText(dir.File(name), content);
        }

        var r = CliProcess.Run(dir.Path, "verify", name);
        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    private static void Edit(string path, Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["environment"] ??= new JsonObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static bool Git(string dir, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var p = System.Diagnostics.Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
