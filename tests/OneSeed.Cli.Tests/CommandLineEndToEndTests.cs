namespace OneSeed.Cli.Tests;

public sealed class CommandLineEndToEndTests
{
    public static TheoryData<string[]> Malformed => new()
    {
        new[] { "frobnicate" },
        new[] { "fingerprint", "--bogus" },
        new[] { "verify" },
        new[] { "audit", "--runs", "abc", "--", "echo" },
        new[] { "audit", "--runs", "1", "--", "echo" },
        new[] { "audit", "--vary", "bogus", "--", "echo" },
        new[] { "audit", "--vary", "simd=maybe", "--", "echo" },
        new[] { "audit", "--vary", "workers=a,b", "--", "echo" },
        new[] { "audit" },
        new[] { "sweep", "--", "echo" },
        new[] { "sweep", "--seeds", "a..b", "--", "echo" },
        new[] { "sweep", "--seeds", "9..1", "--", "echo" },
        new[] { "sweep", "--seeds=-5..3", "--", "echo" },
        new[] { "sweep", "--seeds", "0..99999999", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3", "--parallel", "0", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3", "--metric", "acc=(", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3", "--metric", "regex:acc=[0-9]+", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3", "--metric", "a..b", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3", "--goal", "up", "--", "echo" },
        new[] { "sweep", "--seeds", "0..3" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedArguments_OneLineOnStderr_Exit2(string[] args)
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        string[] lines = r.Stderr.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, r.ToString());
        Assert.StartsWith("oneseed: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("oneseed-sweep")), "a refused sweep must not create its output directory");
    }

    [Theory]
    [InlineData("fingerprint", "--output", "--json", "--no-git", "--seed")]
    [InlineData("verify", "--strict", "--all", "FILE")]
    [InlineData("audit", "--runs", "--artifact", "--vary", "--seed", "COMMAND")]
    [InlineData("sweep", "--seeds", "--parallel", "--metric", "--out", "--goal", "--retry-failed", "COMMAND")]
    public void EveryCommand_HasHelp(string command, params string[] mentions)
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, command, "--help");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Exit codes", r.Stdout, StringComparison.Ordinal);
        foreach (string m in mentions)
        {
            Assert.Contains(m, r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RootHelp_ListsTheCommands()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string c in (string[])["fingerprint", "verify", "audit", "sweep"])
        {
            Assert.Contains(c, r.Stdout, StringComparison.Ordinal);
        }
    }
}
