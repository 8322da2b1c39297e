using System.Buffers.Binary;
using System.Diagnostics;
using OneSeed.Engines;

namespace OneSeed.Cli.Tests;

public sealed class StreamEndToEndTests
{
    [Theory]
    [InlineData("PCG64", false)]
    [InlineData("MT19937", true)]
    [InlineData("Philox", false)]
    [InlineData("SFC64", true)]
    public void Stream_writes_the_engines_words_little_endian_on_either_path(string engine, bool scalar)
    {
        string[] args = scalar ? ["stream", engine, "--seed", "18446744073709551621", "--bytes", "80004", "--scalar"] : ["stream", engine, "--seed", "18446744073709551621", "--bytes", "80004"];
        byte[] bytes = ReadAll(CliProcess.Start(Path.GetTempPath(), null, args), out int exitCode);
        Assert.Equal(0, exitCode);
        Assert.Equal(80004, bytes.Length);

        BitGenerator expected = BitGenerators.Create(engine, System.Numerics.BigInteger.Parse("18446744073709551621", System.Globalization.CultureInfo.InvariantCulture));
        for (int i = 0; i + 8 <= bytes.Length; i += 8)
        {
            Assert.Equal(expected.NextUInt64(), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i)));
        }
    }

    [Fact]
    public void Stream_ends_when_the_reader_closes_the_pipe()
    {
        Process p = CliProcess.Start(Path.GetTempPath(), null, "stream", "SFC64");
        Span<byte> head = stackalloc byte[4096];
        p.StandardOutput.BaseStream.ReadExactly(head);
        p.StandardOutput.BaseStream.Close();
        Assert.True(p.WaitForExit(20_000), "the stream kept running after its reader went away");
        Assert.Equal(0, p.ExitCode);
    }

    [Theory]
    [InlineData("Xoshiro", "unknown engine")]
    [InlineData("PCG64 --seed -3", "--seed must be a non-negative integer")]
    [InlineData("PCG64 --bytes -1", "--bytes must not be negative")]
    public void Bad_arguments_give_one_line_and_exit_2(string arguments, string message)
    {
        CliProcess.Result r = CliProcess.Run(Path.GetTempPath(), ["stream", .. arguments.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    private static byte[] ReadAll(Process p, out int exitCode)
    {
        using var buffer = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(buffer);
        Assert.True(p.WaitForExit(30_000));
        exitCode = p.ExitCode;
        return buffer.ToArray();
    }
}
