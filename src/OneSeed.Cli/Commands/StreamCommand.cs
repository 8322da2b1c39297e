using System.CommandLine;
using System.Numerics;
using System.Runtime.InteropServices;
using OneSeed.Engines;

namespace OneSeed.Cli.Commands;

/// <summary>
/// <c>oneseed stream ENGINE</c>: an engine's raw 64-bit output as little-endian bytes on standard output, for
/// statistical test suites that read a generator from stdin (<c>dieharder -g 200</c>, PractRand's <c>RNG_test stdin64</c>).
/// </summary>
internal static class StreamCommand
{
    public static Command Create()
    {
        var engine = new Argument<string>("engine") { Description = $"The engine, by NumPy's name: {string.Join(", ", BitGenerators.Names)}." };
        var seed = new Option<string>("--seed") { Description = "The seed (a non-negative integer of any size), through SeedSequence as NumPy seeds it.", DefaultValueFactory = _ => "0", HelpName = "SEED" };
        var scalar = new Option<bool>("--scalar") { Description = "Draw one value at a time (NextUInt64) instead of the bulk Fill path; both give the same bytes." };
        var bytes = new Option<long>("--bytes") { Description = "Stop after this many bytes (default: until the reader closes the pipe).", DefaultValueFactory = _ => long.MaxValue, HelpName = "N" };
        var command = new Command("stream", "Write an engine's raw 64-bit output to standard output as little-endian bytes, for statistical test suites (dieharder -g 200, PractRand stdin64). See tools/dieharder.sh.\nExit codes: 0 done or the reader closed the pipe, 2 bad arguments.")
        {
            engine, seed, scalar, bytes,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(engine)!;
            if (!BitGenerators.Names.Contains(name))
            {
                throw CliException.Usage($"unknown engine '{name}'; expected one of {string.Join(", ", BitGenerators.Names)}");
            }

            string seedText = parse.GetValue(seed)!;
            if (!BigInteger.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out BigInteger seedValue))
            {
                throw CliException.Usage($"--seed must be a non-negative integer, got '{seedText}'");
            }

            long limit = parse.GetValue(bytes);
            if (limit < 0)
            {
                throw CliException.Usage($"--bytes must not be negative, got {limit}");
            }

            Write(BitGenerators.Create(name, seedValue), parse.GetValue(scalar), limit);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(BitGenerator engine, bool scalar, long limit)
    {
        ulong[] block = new ulong[8192];
        // Console.OpenStandardOutput ignores EPIPE on Unix, so the loop would never learn that the reader has gone;
        // a FileStream over descriptor 1 reports it as an IOException.
        using Stream stdout = OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
        try
        {
            while (limit > 0)
            {
                if (scalar)
                {
                    for (int i = 0; i < block.Length; i++)
                    {
                        block[i] = engine.NextUInt64();
                    }
                }
                else
                {
                    engine.Fill(block);
                }

                // Little-endian on every platform: the bytes, not the host order, are the contract.
                if (!BitConverter.IsLittleEndian)
                {
                    for (int i = 0; i < block.Length; i++)
                    {
                        block[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(block[i]);
                    }
                }

                ReadOnlySpan<byte> data = MemoryMarshal.AsBytes(block.AsSpan());
                int n = (int)Math.Min(data.Length, limit);
                stdout.Write(data[..n]);
                limit -= n;
            }
        }
        catch (IOException)
        {
            // The reader (dieharder) closed the pipe: that is how a stream ends.
        }
    }
}
