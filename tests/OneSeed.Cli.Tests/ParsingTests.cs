using System.Text;
using OneSeed.Cli.Running;
using OneSeed.Cli.Sweep;

namespace OneSeed.Cli.Tests;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("0..4", new long[] { 0, 1, 2, 3, 4 })]
    [InlineData("7", new long[] { 7 })]
    [InlineData(" 3..4, 1 ,4,9..9", new long[] { 3, 4, 1, 9 })]
    [InlineData("9223372036854775806..9223372036854775807", new long[] { 9223372036854775806, 9223372036854775807 })]
    public void SeedRange_Parses(string text, long[] expected) => Assert.Equal(expected, SeedRange.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("5..1")]
    [InlineData("-1..3")]
    [InlineData("1,,2")]
    [InlineData("0..1000000")]
    [InlineData("1..2..3")]
    public void SeedRange_RefusesBadInput(string text)
    {
        var e = Assert.Throws<CliException>(() => SeedRange.Parse(text));
        Assert.Equal(2, e.ExitCode);
    }

    [Theory]
    [InlineData("acc=([0-9.]+)", "epoch 1 acc=0.5\nepoch 2 acc=0.75\n", 0.75)]
    [InlineData("regex:v (?<metric>[-0-9.e]+) (\\w+)", "v -1.5e-3 units", -0.0015)]
    [InlineData("val.acc", "{\"val\": {\"acc\": 1}}\nlog\n{\"val\": {\"acc\": 0.25}}\ntrailing text\n", 0.25)]
    [InlineData("json:m.1", "{\"m\": [1, \"2.5\"]}", 2.5)]
    public void Metric_Extracts(string spec, string output, double expected)
    {
        (double? value, string? error) = MetricExtractor.Parse(spec).Extract(output);
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("acc=([0-9.]+)", "no metric here", "did not match")]
    [InlineData("acc=(\\S+)", "acc=abc", "not a number")]
    [InlineData("acc=(\\S+)", "acc=NaN", "not finite")]
    [InlineData("val.acc", "{\"val\": {}}", "not found")]
    [InlineData("val", "{\"val\": {}}", "not a number")]
    [InlineData("val", "plain text", "no JSON object")]
    public void Metric_ReportsWhyNoneWasFound(string spec, string output, string reason)
    {
        (double? value, string? error) = MetricExtractor.Parse(spec).Extract(output);
        Assert.Null(value);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acc=(")]
    [InlineData("regex:acc")]
    [InlineData("")]
    [InlineData("a..b")]
    public void Metric_RefusesBadSpecs(string spec) => Assert.Equal(2, Assert.Throws<CliException>(() => MetricExtractor.Parse(spec)).ExitCode);

    [Fact]
    public void FirstDifference_Text_LineAndColumn()
    {
        FirstDifference d = FirstDifference.Find(Encoding.UTF8.GetBytes("a\nloss=0.125\nz"), Encoding.UTF8.GetBytes("a\nloss=0.135\nz"))!;
        Assert.True(d.IsText);
        Assert.Equal("line 2, column 9", d.Location);
        Assert.Equal("\"loss=0.125\"", d.Left);
        Assert.Equal("\"loss=0.135\"", d.Right);
    }

    [Fact]
    public void FirstDifference_Text_ExtraLine()
    {
        FirstDifference d = FirstDifference.Find(Encoding.UTF8.GetBytes("a\nb\n"), Encoding.UTF8.GetBytes("a\nb\nc\n"))!;
        Assert.Equal("line 3, column 1", d.Location);
        Assert.Equal("\"\"", d.Left);
        Assert.Equal("\"c\"", d.Right);
    }

    [Fact]
    public void FirstDifference_Binary_OffsetAndBytes()
    {
        FirstDifference d = FirstDifference.Find([0, 1, 2, 3], [0, 1, 9])!;
        Assert.False(d.IsText);
        Assert.Equal("byte offset 2", d.Location);
        Assert.Equal("0x02 (next: 03)", d.Left);
        Assert.Equal("0x09", d.Right);

        d = FirstDifference.Find([0, 1], [0, 1, 5])!;
        Assert.Equal("byte offset 2", d.Location);
        Assert.Equal("(end of data, 2 bytes)", d.Left);
        Assert.Null(FirstDifference.Find([0, 1], [0, 1]));
    }

    [Fact]
    public void FirstDifference_InvalidUtf8_IsBinary() =>
        Assert.False(FirstDifference.Find([0xC3, 0x28], [0xC3, 0x29])!.IsText);

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("90s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("30", 30_000)]
    [InlineData(" 2s ", 2_000)]
    [InlineData("168h", 604_800_000)]
    public void Timeout_Parses(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RunTimeout.Parse(text));

    [Fact]
    public void Timeout_AbsentMeansNoLimit() => Assert.Null(RunTimeout.Parse(null));

    [Theory]
    [InlineData("0", "greater than zero")]
    [InlineData("0s", "greater than zero")]
    [InlineData("0.0001s", "greater than zero")]
    [InlineData("-5s", "is not a duration")]
    [InlineData("-1", "is not a duration")]
    [InlineData("", "is not a duration")]
    [InlineData("abc", "is not a duration")]
    [InlineData("5 m", "is not a duration")]
    [InlineData("1d", "is not a duration")]
    [InlineData("5M", "is not a duration")]
    [InlineData("1e3", "is not a duration")]
    [InlineData("00:01:00", "is not a duration")]
    [InlineData("169h", "longer than the maximum")]
    public void Timeout_RefusesBadValues_NamingOptionValueAndWhatIsAllowed(string text, string why)
    {
        var e = Assert.Throws<CliException>(() => RunTimeout.Parse(text));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("--timeout", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Contains("250ms, 90s, 5m, 1h", e.Message, StringComparison.Ordinal);
    }
}
