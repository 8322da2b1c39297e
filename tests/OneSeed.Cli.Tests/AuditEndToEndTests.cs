namespace OneSeed.Cli.Tests;

public sealed class AuditEndToEndTests
{
    [Fact]
    public void Audit_CatchesTimeInOutput()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--", "sh", "-c", "echo start; date +%s%N");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("DIFFERENT stdout", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("at line 2, column", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 1: \"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 2: \"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: runs DISAGREE", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_CatchesUnseededRandomNumber()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--runs", "3", "--", "sh", "-c", "od -An -N8 -tu8 /dev/urandom");
        Assert.True(r.ExitCode == 1, r.ToString());
    }

    [Fact]
    public void Audit_PassesDeterministicCommand_AndPassesTheSeed()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--runs", "3", "--seed", "77", "--", "sh", "-c", "echo seed=$ONESEED_SEED");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("all 3 runs agree", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: all runs agree", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_BinaryArtifact_ReportsByteOffsetAndBothValues()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        // Each run bumps a counter kept outside the artifact, so run 1 writes ...'1' and run 2 ...'2' at byte 4.
        string script = "n=$(cat counter 2>/dev/null || echo 0); n=$((n+1)); echo $n > counter; printf '\\000\\001\\002\\003'$n'\\377' > out.bin";
        var r = CliProcess.Run(dir.Path, "audit", "--artifact", "out.bin", "--", "sh", "-c", script);
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("DIFFERENT artifact out.bin ([same seed] run 1 vs run 2) at byte offset 4:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 1: 0x31 (next: FF)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 2: 0x32 (next: FF)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_IdenticalBinaryArtifact_Agrees_AndMissingArtifactDiffers()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "-a", "out.bin", "--", "sh", "-c", "printf '\\000\\001\\002' > out.bin");
        Assert.True(r.ExitCode == 0, r.ToString());

        string onlyFirst = "if [ -e flag ]; then :; else touch flag; printf x > out.bin; fi";
        r = CliProcess.Run(dir.Path, "audit", "-a", "out.bin", "--", "sh", "-c", onlyFirst);
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("written only in run 1", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_VaryWorkers_ShowsTheFactorThatChangesTheResult()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--vary", "workers=0,2,4", "--", "sh", "-c", "echo workers=$ONESEED_WORKERS");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("the result DEPENDS on workers", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("workers=0 vs workers=2", r.Stdout, StringComparison.Ordinal);

        r = CliProcess.Run(dir.Path, "audit", "--vary", "workers=0,2", "--vary", "simd=off", "--", "sh", "-c", "echo seed=$ONESEED_SEED");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("the result does not depend on workers", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("the result does not depend on simd", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_VarySimd_RunsWithHardwareIntrinsicsOff()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--runs", "1", "--vary", "simd=off", "--", "sh", "-c", "echo hw=${DOTNET_EnableHWIntrinsic:-default}");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("simd=off: \"hw=0\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("the result DEPENDS on simd", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_CommandNotFound_Exit4()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        var r = CliProcess.Run(dir.Path, "audit", "--", "no-such-program-oneseed");
        Assert.True(r.ExitCode == 4, r.ToString());
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }
}
