using System.Runtime.InteropServices;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// The chunked ziggurat fills (<see cref="ZigguratFill"/>, vectorised and scalar) against the scalar samplers: same
/// bits and same final engine state over long runs, with the slow paths (tails, wedges, wedge rejections) hit often,
/// in every lane position and across chunk ends.
/// </summary>
public sealed class ZigguratFillTests
{
    public static TheoryData<string> Engines() => [.. BitGenerators.Names];

    private static readonly int[] Lengths = [1, 4, 5, 511, 512, 513, 4099, 100_003];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Normal_fill_matches_scalar_over_long_runs(string engine)
    {
        (int slow, int multi) = Check(engine, "normal", ZigguratFill.Normal, StandardNormal.Next);

        // About 0.7% of normals leave the fast path: over these lengths several hundred wedges, some tails and
        // rejections (more than two draws), so the rejection handling really ran.
        Assert.True(slow > 1000, $"{engine}: only {slow} slow-path normals");
        Assert.True(multi > 20, $"{engine}: only {multi} normals with more than two draws");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Exponential_fill_matches_scalar_over_long_runs(string engine)
    {
        (int slow, int multi) = Check(engine, "exponential", ZigguratFill.Exponential, StandardExponential.Next);
        Assert.True(slow > 1000, $"{engine}: only {slow} slow-path exponentials");
        Assert.True(multi > 20, $"{engine}: only {multi} exponentials with more than two draws");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(5)]
    public void Dense_slow_paths_in_a_crafted_stream_match_scalar(int every)
    {
        // Every `every`-th word is forced off the fast path (all-ones magnitude: above every threshold), in a layer
        // that cycles through 0 (the tails) and wedges, so rejections land in every lane and at every chunk end.
        // (Not every 2nd word: the normal tail draws its two uniforms in pairs, and a forced word as every first one
        // would make its acceptance test fail forever, for NumPy as for this code.)
        foreach (int length in Lengths)
        {
            foreach (bool vectorize in new[] { true, false })
            {
                CheckScripted(new ScriptedEngine(every, normal: true), new ScriptedEngine(every, normal: true), length, (e, s) => ZigguratFill.Normal(e, s, vectorize), StandardNormal.Next);
                CheckScripted(new ScriptedEngine(every, normal: false), new ScriptedEngine(every, normal: false), length, (e, s) => ZigguratFill.Exponential(e, s, vectorize), StandardExponential.Next);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Exponential_failures_in_a_row_and_at_chunk_ends_match_scalar(int every)
    {
        // The exponential's batched rejections (AVX-512) must tell an attempt from the uniform a failed attempt takes:
        // every word forced off the fast path makes each failed attempt's uniform a failed word too, every 2nd word
        // puts the failures on alternate words, and every 7th reaches the last word of a 512-word chunk (511 = 7 * 73),
        // whose uniform is not buffered. (The exponential tail always accepts, so no forced stream loops forever.)
        foreach (int length in Lengths)
        {
            foreach (bool vectorize in new[] { true, false })
            {
                CheckScripted(new ScriptedEngine(every, normal: false), new ScriptedEngine(every, normal: false), length, (e, s) => ZigguratFill.Exponential(e, s, vectorize), StandardExponential.Next);
            }
        }
    }

    [Fact]
    public void An_engine_from_outside_the_library_keeps_the_per_value_loop()
    {
        // A subclass may define NextDouble otherwise than from NextUInt64, so it is not buffered.
        var engine = new ScriptedEngine(5, normal: true);
        Assert.False(UInt64DrawCursor.CanBuffer(engine));
        Assert.True(UInt64DrawCursor.CanBuffer(BitGenerators.Create("MT19937", 1)));
        var a = new ScriptedEngine(5, normal: true);
        var b = new ScriptedEngine(5, normal: true);
        double[] bulk = new double[1001];
        StandardNormal.Fill(a, bulk);
        double[] scalar = [.. Enumerable.Range(0, bulk.Length).Select(_ => StandardNormal.Next(b))];
        Assert.Equal(scalar, bulk);
        Assert.Equal(b.GetStateJson(), a.GetStateJson());
    }

    private static (int Slow, int Multi) Check(string engineName, string what, Action<BitGenerator, Span<double>, bool> bulk, Func<BitGenerator, double> scalar)
    {
        int slow = 0;
        int multi = 0;
        foreach (int length in Lengths)
        {
            foreach (bool halfDrawn in new[] { false, true })
            {
                // The slow-path counts come from the scalar run over a counting wrapper of the reference engine.
                var counted = new CountingEngine(BitGenerators.Create(engineName, 4242 + length));
                if (halfDrawn)
                {
                    counted.Inner.NextUInt32();
                }

                double[] expected = new double[length];
                for (int i = 0; i < length; i++)
                {
                    long before = counted.Draws;
                    expected[i] = scalar(counted);
                    long draws = counted.Draws - before;
                    slow += draws > 1 ? 1 : 0;
                    multi += draws > 2 ? 1 : 0;
                }

                foreach (bool vectorize in new[] { true, false })
                {
                    BitGenerator a = BitGenerators.Create(engineName, 4242 + length);
                    if (halfDrawn)
                    {
                        a.NextUInt32();
                    }

                    double[] buffer = new double[length + 1];
                    Span<double> unaligned = buffer.AsSpan(1);
                    bulk(a, unaligned, vectorize);
                    Assert.True(MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(unaligned)), $"{engineName} {what}: differs from scalar at length {length} (half drawn: {halfDrawn}, vectorize: {vectorize})");
                    Assert.True(a.GetStateJson() == counted.Inner.GetStateJson(), $"{engineName} {what}: different final state at length {length} (half drawn: {halfDrawn}, vectorize: {vectorize})");
                }
            }
        }

        return (slow, multi);
    }

    private static void CheckScripted(ScriptedEngine a, ScriptedEngine b, int length, Action<BitGenerator, Span<double>> bulk, Func<BitGenerator, double> scalar)
    {
        double[] actual = new double[length];
        bulk(a, actual);
        double[] expected = [.. Enumerable.Range(0, length).Select(_ => scalar(b))];
        Assert.True(MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan())), $"crafted stream: differs from scalar at length {length}");
        Assert.Equal(b.GetStateJson(), a.GetStateJson());
    }

    /// <summary>Counts the draws a scalar sampler makes (through the virtual calls), delegating to a real engine.</summary>
    private sealed class CountingEngine(BitGenerator inner) : BitGenerator
    {
        public BitGenerator Inner { get; } = inner;

        public long Draws { get; private set; }

        public override ulong NextUInt64()
        {
            Draws++;
            return Inner.NextUInt64();
        }

        public override uint NextUInt32()
        {
            Draws++;
            return Inner.NextUInt32();
        }

        public override double NextDouble()
        {
            Draws++;
            return Inner.NextDouble();
        }

        public override string GetStateJson() => Inner.GetStateJson();

        public override void SetStateJson(string json) => Inner.SetStateJson(json);
    }

    /// <summary>
    /// A SplitMix64 stream in which every <c>every</c>-th word has an all-ones magnitude, so it fails the fast test of
    /// the layer in its low bits; the layers cycle so that layer 0 (the tail) comes up often. NextDouble is the default
    /// top-53-bits form, as the buffered fill assumes.
    /// </summary>
    private sealed class ScriptedEngine(int every, bool normal) : BitGenerator
    {
        private ulong _position;

        public override ulong NextUInt64()
        {
            ulong k = _position++;
            ulong z = (k + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            if (k % (ulong)every != 0)
            {
                return z;
            }

            ulong layer = (k / (ulong)every) % 3 == 0 ? 0 : z & 0xff;

            // Normal: index in bits 0-7, sign in bit 8, magnitude above. Exponential: 3 dropped bits, index, magnitude.
            return normal ? (~0UL << 9) | (z & 0x100) | layer : (~0UL << 11) | (layer << 3) | (z & 7);
        }

        public override uint NextUInt32() => (uint)NextUInt64();

        public override string GetStateJson() => $"{{\"position\":{_position}}}";

        public override void SetStateJson(string json) => throw new NotSupportedException();
    }
}
