namespace OneSeed.Cli.Tests;

/// <summary><c>oneseed demo</c> as a process: naive worker seeding repeats, OneSeed's per-sample seeding does not.</summary>
public sealed class DemoEndToEndTests
{
    [Fact]
    public void Demo_shows_naive_seeding_repeating_and_oneseed_distinct()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = CliProcess.Run(dir.Path, "demo");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("naive per-worker seeding", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("OneSeed (SampleContext.Rng)", r.Stdout, StringComparison.Ordinal);
        // np.random.seed(0).random_sample(4): every worker, every epoch.
        Assert.Equal(6, CountOf(r.Stdout, "0.5488 0.7152 0.6028 0.5449"));
        Assert.Contains("verdict: naive seeding repeated its numbers (4 distinct of 24 draws; 2 of 2 later epochs repeat epoch 0 exactly", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("OneSeed's draws are all distinct (24 distinct of 24)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_options_change_the_run_and_bad_values_give_one_line()
    {
        using var dir = new TempDirectory("oneseed-cli-tests-");
        CliProcess.Result r = CliProcess.Run(dir.Path, "demo", "--seed", "7", "--epochs", "4", "--workers", "3", "--samples", "12");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("3 of 3 later epochs repeat epoch 0 exactly", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("all distinct (48 distinct of 48)", r.Stdout, StringComparison.Ordinal);

        CliProcess.Result bad = CliProcess.Run(dir.Path, "demo", "--epochs", "1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("oneseed: --epochs must be between 2 and 10, got 1", bad.Stderr.Trim());
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
