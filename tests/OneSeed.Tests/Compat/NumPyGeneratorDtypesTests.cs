using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// <see cref="NumPyGenerator"/>'s float32 and narrow integer dtypes and <c>Permuted</c> against the real NumPy
/// (tests/oracles/numpy_dtypes.py), with fresh seeds and arguments every run: every value by its bits, NumPy's errors
/// as exceptions that leave the engine unchanged, and after each case the whole engine state (NumPy's, loaded into an
/// engine of ours, must serialise exactly as ours) and the next raw 32- and 64-bit draws.
/// </summary>
public sealed class NumPyGeneratorDtypesTests
{
    private static readonly string[] Dtypes = ["int64", "int32", "uint32", "int16", "uint16", "int8", "uint8", "bool"];

    private static readonly string[] Families = ["floats", "gamma", "integers", "permuted"];

    [Fact]
    public void Golden_vectors_match_numpy()
    {
        JsonArray cases = PythonOracle.LoadGolden("numpy_dtypes.json")["cases"]!.AsArray();
        Assert.Equal(4 * BitGenerators.Names.Count, cases.Count);
        foreach (JsonNode? c in cases)
        {
            CheckCase(c!, c!, $"golden {c!["bitgen"]}: {c["label"]}");
        }
    }

    [Fact]
    public void Live_float32_random_normal_and_exponential_match_numpy()
    {
        List<(JsonNode Call, ulong[]? Values)> results = RunLive("floats", 60, out LiveSeeds seeds);

        // Values beyond the ziggurats' base strips come only from their tails (layer 0 accepts x < r): make sure the
        // run went through them many times (the wedges, at about 1.5% of draws, are hit thousands of times).
        int normalTails = 0, exponentialTails = 0;
        foreach ((JsonNode call, ulong[]? values) in results)
        {
            if (values is null)
            {
                continue;
            }

            string m = (string)call["m"]!;
            IEnumerable<float> floats = values.Select(v => BitConverter.UInt32BitsToSingle((uint)v));
            if (m == "standard_normal_f32")
            {
                normalTails += floats.Count(x => MathF.Abs(x) >= 3.6541529f);
            }
            else if (m == "standard_exponential_f32" && (string)call["method"]! == "zig")
            {
                exponentialTails += floats.Count(x => x >= 7.6971173f);
            }
        }

        Assert.True(normalTails >= 10, $"only {normalTails} normal tail values {seeds.Replay}");
        Assert.True(exponentialTails >= 10, $"only {exponentialTails} exponential tail values {seeds.Replay}");
    }

    [Fact]
    public void Live_float32_standard_gamma_matches_numpy() => RunLive("gamma", 80, out _);

    [Fact]
    public void Live_narrow_integers_match_numpy() => RunLive("integers", 400, out _);

    [Fact]
    public void Live_permuted_matches_numpy() => RunLive("permuted", 150, out _);

    [Fact]
    public void Live_mixed_sequences_with_float64_draws_match_numpy() => RunLive("mixed", 120, out _);

    [Fact]
    public void Live_masked_narrow_fills_match_legacy_randint()
    {
        // The masked branches of BoundedIntegers' narrow fills (what legacy RandomState.randint uses), through MT19937.
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 40; i++)
        {
            var calls = new JsonArray();
            for (int k = seeds.Int(1, 6); k > 0; k--)
            {
                JsonObject call = IntegersCall(seeds, allowInvalid: false);
                if ((string)call["dtype"]! == "int64" || (bool)call["endpoint"]!)
                {
                    continue; // randint has no endpoint; int64 is covered elsewhere
                }

                call["size"] = seeds.Int(0, 2000);
                calls.Add(call);
            }

            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = calls });
        }

        JsonArray answers = PythonOracle.Run("numpy_dtypes.py", new JsonObject { ["op"] = "randint", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            var rs = new NumPyRandomState((uint)L(cases[i]!["seed"]));
            JsonArray calls = cases[i]!["calls"]!.AsArray();
            for (int k = 0; k < calls.Count; k++)
            {
                JsonNode call = calls[k]!;
                long low = L(call["low"]), high = L(call["high"]);
                int size = (int)L(call["size"]);
                ulong offset = (ulong)low, rng = (ulong)(high - 1 - low);
                long[] actual = (string)call["dtype"]! switch
                {
                    "int32" => Fill<int>(span => BoundedIntegers.FillUInt32(rs.BitGenerator, (uint)offset, (uint)rng, true, System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(span)), v => v),
                    "uint32" => Fill<uint>(span => BoundedIntegers.FillUInt32(rs.BitGenerator, (uint)offset, (uint)rng, true, span), v => v),
                    "int16" => Fill<short>(span => BoundedIntegers.FillUInt16(rs.BitGenerator, (ushort)offset, (ushort)rng, true, System.Runtime.InteropServices.MemoryMarshal.Cast<short, ushort>(span)), v => v),
                    "uint16" => Fill<ushort>(span => BoundedIntegers.FillUInt16(rs.BitGenerator, (ushort)offset, (ushort)rng, true, span), v => v),
                    "int8" => Fill<sbyte>(span => BoundedIntegers.FillUInt8(rs.BitGenerator, (byte)offset, (byte)rng, true, System.Runtime.InteropServices.MemoryMarshal.Cast<sbyte, byte>(span)), v => v),
                    "uint8" => Fill<byte>(span => BoundedIntegers.FillUInt8(rs.BitGenerator, (byte)offset, (byte)rng, true, span), v => v),
                    _ => Fill<bool>(span => BoundedIntegers.FillBool(rs.BitGenerator, offset != 0, rng != 0, span), v => v ? 1 : 0),
                };
                JsonAssert.Equal(JsonAssert.Int64s(answers[i]!["results"]![k]), actual, $"randint case {i} call {k} {call.ToJsonString()} {seeds.Replay}");

                long[] Fill<T>(SpanAction<T> fill, Func<T, long> widen)
                {
                    var values = new T[size];
                    fill(values);
                    return values.Select(widen).ToArray();
                }
            }

            JsonAssert.Equal(JsonAssert.UInt32s(answers[i]!["tail_u32"]), [rs.BitGenerator.NextUInt32(), rs.BitGenerator.NextUInt32(), rs.BitGenerator.NextUInt32()], $"randint case {i} tail {seeds.Replay}");
        }
    }

    private delegate void SpanAction<T>(Span<T> span);

    [Fact]
    public void Float32_tables_are_numpys_bits()
    {
        AssertBits(ZigguratTablesSingle.WiBits, ZigguratTablesSingle.Wi);
        AssertBits(ZigguratTablesSingle.FiBits, ZigguratTablesSingle.Fi);
        AssertBits(ZigguratTablesSingle.WeBits, ZigguratTablesSingle.We);
        AssertBits(ZigguratTablesSingle.FeBits, ZigguratTablesSingle.Fe);
        AssertBits(ZigguratTablesSingle.ScalarBits, [ZigguratTablesSingle.NormalR, ZigguratTablesSingle.NormalInvR, ZigguratTablesSingle.ExponentialR]);
        Assert.Equal(256, ZigguratTablesSingle.Ki.Length);
        Assert.Equal(256, ZigguratTablesSingle.Ke.Length);

        static void AssertBits(ReadOnlySpan<uint> bits, ReadOnlySpan<float> values)
        {
            Assert.Equal(bits.Length, values.Length);
            for (int i = 0; i < bits.Length; i++)
            {
                Assert.Equal(bits[i], BitConverter.SingleToUInt32Bits(values[i]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Float32_fills_draw_as_the_per_value_samplers(string engine)
    {
        // The buffered and eight-lane fills against NumPy's per-value loop (virtual draws), for lengths that end
        // mid-chunk and mid-group: same values, same engine state (the next 32-bit draw takes a cached half).
        foreach (int length in new[] { 0, 1, 7, 8, 9, 511, 512, 513, 4099, 30_001 })
        {
            Check("normal", (e, span) => SingleDistributions.FillNormal(e, span), SingleDistributions.Normal);
            Check("exponential", (e, span) => SingleDistributions.FillExponential(e, span), SingleDistributions.Exponential);
            Check("normal, scalar loop", (e, span) => SingleDistributions.FillNormal(e, span, vectorize: false), SingleDistributions.Normal);
            Check("exponential, scalar loop", (e, span) => SingleDistributions.FillExponential(e, span, vectorize: false), SingleDistributions.Exponential);
            Check("inverse exponential", (e, span) => SingleDistributions.FillExponentialInverse(e, span), SingleDistributions.ExponentialInverse);
            Check("uniform", (e, span) => SingleDistributions.FillUniform(e, span), SingleDistributions.NextFloat);
            Check("gamma 0.3", (e, span) => SingleDistributions.FillGamma(e, 0.3f, span), (ref VirtualSource s) => SingleDistributions.Gamma(ref s, 0.3f));
            Check("gamma 2.5", (e, span) => SingleDistributions.FillGamma(e, 2.5f, span), (ref VirtualSource s) => SingleDistributions.Gamma(ref s, 2.5f));

            void Check(string what, Action<BitGenerator, Span<float>> fill, Next next)
            {
                BitGenerator a = BitGenerators.Create(engine, 1000 + length), b = BitGenerators.Create(engine, 1000 + length);
                a.NextUInt32(); // start with a cached half on the 64-bit engines
                b.NextUInt32();
                float[] bulk = new float[length];
                fill(a, bulk);
                var source = new VirtualSource(b);
                float[] scalar = Enumerable.Range(0, length).Select(_ => next(ref source)).ToArray();
                Assert.True(bulk.AsSpan().SequenceEqual(scalar), $"{engine} {what} length {length}");
                Assert.True(a.NextUInt32() == b.NextUInt32() && a.NextUInt64() == b.NextUInt64(), $"{engine} {what} length {length}: engine state");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Narrow_fills_draw_as_numpys_per_value_loop(string engine)
    {
        // The chunked and sixteen-lane fills against a transcription of NumPy's C loop (buffered_uint16 / _uint8 and
        // the bounded functions, one value at a time), including ranges near 2^16 and 2^8 where rejections are common.
        foreach (int length in new[] { 0, 1, 2, 3, 5, 15, 16, 17, 33, 1023, 1024, 1025, 5000 })
        {
            foreach (bool masked in new[] { false, true })
            {
                foreach (ushort rng in new ushort[] { 0, 1, 2, 999, 1000, 32767, 32768, 40000, 65534, 65535 })
                {
                    Check<ushort>(
                        $"uint16 rng {rng} masked {masked}",
                        (e, span) => BoundedIntegers.FillUInt16(e, 12345, rng, masked, span),
                        e => Reference(e, 12345, rng, masked, 16, length).Select(v => (ushort)v).ToArray());
                }

                foreach (byte rng in new byte[] { 0, 1, 2, 99, 127, 128, 200, 254, 255 })
                {
                    Check<byte>(
                        $"uint8 rng {rng} masked {masked}",
                        (e, span) => BoundedIntegers.FillUInt8(e, 200, rng, masked, span),
                        e => Reference(e, 200, rng, masked, 8, length).Select(v => (byte)v).ToArray());
                }
            }

            Check<bool>("bool", (e, span) => BoundedIntegers.FillBool(e, false, true, span), e => Reference(e, 0, 1, false, 1, length).Select(v => v != 0).ToArray());

            void Check<T>(string what, Action<BitGenerator, Span<T>> fill, Func<BitGenerator, T[]> reference)
            {
                BitGenerator a = BitGenerators.Create(engine, 2000 + length), b = BitGenerators.Create(engine, 2000 + length);
                a.NextUInt32(); // a cached half on the 64-bit engines, which the fills must take first
                b.NextUInt32();
                T[] bulk = new T[length];
                fill(a, bulk);
                Assert.True(bulk.AsSpan().SequenceEqual(reference(b)), $"{engine} {what} length {length}");
                Assert.True(a.NextUInt32() == b.NextUInt32() && a.NextUInt64() == b.NextUInt64(), $"{engine} {what} length {length}: engine state");
            }
        }

        // NumPy's random_bounded_uint16_fill / _uint8_fill / bool_fill, value by value through next_uint32.
        static uint[] Reference(BitGenerator e, uint off, uint rng, bool masked, int bits, int n)
        {
            uint pieceMask = (1u << bits) - 1, buf = 0;
            int bcnt = 0;
            uint Next()
            {
                if (bcnt == 0)
                {
                    buf = e.NextUInt32();
                    bcnt = (32 / bits) - 1;
                }
                else
                {
                    buf >>= bits;
                    bcnt--;
                }

                return buf & pieceMask;
            }

            var result = new uint[n];
            for (int i = 0; i < n; i++)
            {
                if (rng == 0)
                {
                    result[i] = off;
                }
                else if (bits == 1)
                {
                    result[i] = Next();
                }
                else if (rng == pieceMask)
                {
                    result[i] = (off + Next()) & pieceMask;
                }
                else if (masked)
                {
                    uint mask = (uint)BoundedIntegers.Mask(rng), value;
                    while ((value = Next() & mask) > rng)
                    {
                    }

                    result[i] = (off + value) & pieceMask;
                }
                else
                {
                    uint rngExcl = rng + 1, m = Next() * rngExcl, leftover = m & pieceMask;
                    if (leftover < rngExcl)
                    {
                        uint threshold = (pieceMask - rng) % rngExcl;
                        while (leftover < threshold)
                        {
                            m = Next() * rngExcl;
                            leftover = m & pieceMask;
                        }
                    }

                    result[i] = (off + (m >> bits)) & pieceMask;
                }
            }

            return result;
        }
    }

    public static TheoryData<string> EngineNames() => [.. BitGenerators.Names];

    [Fact]
    public void Scalar_integers_draw_as_one_value_fills()
    {
        foreach (string engine in BitGenerators.Names)
        {
            var a = new NumPyGenerator(BitGenerators.Create(engine, 5));
            var b = new NumPyGenerator(BitGenerators.Create(engine, 5));
            sbyte[] one8 = new sbyte[1];
            ushort[] one16 = new ushort[1];
            bool[] oneBool = new bool[1];
            int[] one32 = new int[1];
            for (int i = 0; i < 50; i++)
            {
                b.Integers(-100, 100, one8);
                Assert.Equal(one8[0], a.Integers<sbyte>(-100, 100));
                b.Integers(3, 60000, one16, endpoint: true);
                Assert.Equal(one16[0], a.Integers<ushort>(3, 60000, endpoint: true));
                b.Integers(0, 2, oneBool);
                Assert.Equal(oneBool[0], a.Integers<bool>(0, 2));
                b.Integers(-5, 1 << 30, one32);
                Assert.Equal(one32[0], a.Integers<int>(-5, 1 << 30));
                Assert.Equal(b.Integers(7, 1L << 40), a.Integers<long>(7, 1L << 40));
            }

            Assert.Equal(b.BitGenerator.GetStateJson(), a.BitGenerator.GetStateJson());
        }

        Assert.Throws<NotSupportedException>(() => new NumPyGenerator(new Pcg64(1)).Integers<double>(0, 2));
    }

    [Fact]
    public void Invalid_arguments_throw_before_any_draw()
    {
        var g = new NumPyGenerator(new Pcg64(9));
        g.BitGenerator.NextUInt32(); // a cached half, which a refused call must keep too
        string before = g.BitGenerator.GetStateJson();
        var bytes = new byte[3];
        var sbytes = new sbyte[3];
        var shorts = new short[3];
        var bools = new bool[3];
        var ints = new int[3];
        var uints = new uint[3];

        ArgumentOutOfRangeException low = Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(-129, 0, sbytes));
        Assert.Equal("low", low.ParamName);
        Assert.Equal(-129L, low.ActualValue);
        Assert.Contains("int8", low.Message, StringComparison.Ordinal);
        Assert.Contains("[-128, 127]", low.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException high = Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, 257, bytes));
        Assert.Equal("high", high.ParamName);
        Assert.Equal(257L, high.ActualValue);
        Assert.Contains("uint8", high.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, 256, bytes, endpoint: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(-1, 5, bytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, 3, bools));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, 2, bools, endpoint: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(short.MinValue - 1L, 0, shorts));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, int.MaxValue + 2L, ints));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, uint.MaxValue + 1L, uints, endpoint: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers<byte>(0, 1000));

        // NumPy checks low against the dtype first, then high, then the order.
        Assert.Equal("low", Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(-200, 500, sbytes)).ParamName);
        ArgumentException empty = Assert.Throws<ArgumentException>(() => g.Integers(5, 5, bytes));
        Assert.IsNotType<ArgumentOutOfRangeException>(empty);
        Assert.Throws<ArgumentException>(() => g.Integers(5, 4, bytes, endpoint: true));
        Assert.Throws<ArgumentException>(() => g.Integers(0, long.MinValue, bools));
        Assert.Throws<ArgumentException>(() => g.Integers(0, 0, new long[2]));

        Assert.Throws<ArgumentOutOfRangeException>(() => g.StandardGamma(-1.0, new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.StandardGamma(-0.0, new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.StandardGamma(-1e-50, new float[2])); // -0.0 as a float, as NumPy refuses
        Assert.Throws<ArgumentOutOfRangeException>(() => g.StandardGamma(-1.0, Span<float>.Empty));
        Assert.Throws<ArgumentException>(() => g.StandardExponential(new float[2], "ziggurat"));
        Assert.Throws<ArgumentNullException>(() => g.StandardExponential(new float[2], null!));
        Assert.Throws<ArgumentException>(() => g.Permuted<int>(new int[3], new int[4]));
        Assert.Throws<ArgumentException>(() => g.Permuted(new int[2, 3], 0, new int[3, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Permuted(new int[2, 3], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Permuted(new int[2, 3], -3));
        Assert.Throws<ArgumentNullException>(() => g.Permuted((int[])null!));
        Assert.Throws<ArgumentNullException>(() => g.Permuted((int[,])null!));
        Assert.Equal(before, g.BitGenerator.GetStateJson());

        // As in NumPy, an empty request returns at once, without checking the bounds.
        g.Integers(-1000, -2000, Span<sbyte>.Empty);
        g.Integers(5, 5, Span<long>.Empty);
        g.StandardNormal(Span<float>.Empty);
        Assert.Equal(before, g.BitGenerator.GetStateJson());
    }

    [Fact]
    public void Permuted_leaves_its_input_and_can_work_in_place()
    {
        var a = new NumPyGenerator(new Sfc64(3));
        var b = new NumPyGenerator(new Sfc64(3));
        int[,] x = new int[4, 5];
        for (int i = 0; i < x.Length; i++)
        {
            x[i / 5, i % 5] = i;
        }

        int[,] copy = (int[,])x.Clone();
        int[,] result = a.Permuted(x, 1);
        Assert.Equal(copy, x);
        b.Permuted(x, 1, x);
        Assert.Equal(result, x);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(Enumerable.Range(5 * r, 5), Enumerable.Range(0, 5).Select(c => x[r, c]).Order());
        }
    }

    /// <summary>Runs <paramref name="count"/> fresh cases of a family through NumPy and OneSeed; returns every call with its values (null where refused).</summary>
    private static List<(JsonNode Call, ulong[]? Values)> RunLive(string family, int count, out LiveSeeds seeds)
    {
        seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var calls = new JsonArray();
            for (int k = family == "mixed" ? seeds.Int(2, 9) : seeds.Int(1, 4); k > 0; k--)
            {
                string f = family == "mixed" ? (seeds.Int(0, 4) == 0 ? "f64" : seeds.Pick(Families)) : family;
                calls.Add(RandomCall(seeds, f, large: family != "mixed"));
            }

            // Every engine in turn, so each one is covered by every run.
            cases.Add(new JsonObject { ["bitgen"] = BitGenerators.Names[i % BitGenerators.Names.Count], ["seed"] = JsonAssert.Big(seeds.BigSeed()), ["calls"] = calls });
        }

        JsonArray answers = PythonOracle.Run("numpy_dtypes.py", new JsonObject { ["op"] = "generator", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        var values = new List<(JsonNode Call, ulong[]? Values)>();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode request = cases[i]!;
            values.AddRange(CheckCase(request, answers[i]!, $"{family} case {i} ({request["bitgen"]}, seed {request["seed"]}) {seeds.Replay}"));
        }

        return values;
    }

    /// <summary>Replays one case's calls on a fresh generator and checks them, the engine state and the next raw draws against NumPy's answer.</summary>
    private static List<(JsonNode Call, ulong[]? Values)> CheckCase(JsonNode request, JsonNode answer, string context)
    {
        BitGenerator engine = BitGenerators.Create((string)request["bitgen"]!, JsonAssert.ToBig(request["seed"]));
        var g = new NumPyGenerator(engine);
        JsonArray calls = request["calls"]!.AsArray(), expected = answer["results"]!.AsArray();
        Assert.Equal(calls.Count, expected.Count);
        var values = new List<(JsonNode Call, ulong[]? Values)>();
        for (int k = 0; k < calls.Count; k++)
        {
            values.Add((calls[k]!, CheckCall(g, calls[k]!, expected[k]!, $"{context}, call {k} {Shorten(calls[k]!.ToJsonString())}")));
        }

        // The whole state (the cached half and its stale copy included), then the next raw draws.
        BitGenerator numpys = BitGenerators.FromStateJson((string)answer["state"]!);
        Assert.True(numpys.GetStateJson() == engine.GetStateJson(), $"{context}: engine state after the calls differs from NumPy's");
        JsonAssert.Equal(JsonAssert.UInt32s(answer["tail_u32"]), answer["tail_u32"]!.AsArray().Select(_ => engine.NextUInt32()).ToArray(), context + " (32-bit draws after the calls)");
        JsonAssert.Equal(JsonAssert.UInt64s(answer["tail_u64"]), answer["tail_u64"]!.AsArray().Select(_ => engine.NextUInt64()).ToArray(), context + " (64-bit draws after the calls)");
        return values;
    }

    /// <summary>Checks one call; its values, or null where NumPy (and so OneSeed) refused it.</summary>
    private static ulong[]? CheckCall(NumPyGenerator g, JsonNode call, JsonNode want, string where)
    {
        if (want is JsonObject error)
        {
            string before = g.BitGenerator.GetStateJson();
            Exception? thrown = Record.Exception(() => Apply(g, call));
            Assert.True(thrown is ArgumentException, $"{where}: NumPy raised {error["error"]} ({error["message"]}); OneSeed {(thrown is null ? "accepted it" : "threw " + thrown)}.");
            Assert.True(before == g.BitGenerator.GetStateJson(), $"{where}: a refused call changed the engine state.");
            return null;
        }

        ulong[] actual;
        try
        {
            actual = Apply(g, call);
        }
        catch (ArgumentException e)
        {
            Assert.Fail($"{where}: NumPy accepted it, OneSeed threw {e.Message}");
            throw;
        }

        ulong[] expected = want.AsArray().Select(n => unchecked((ulong)(long)n!)).ToArray();
        JsonAssert.Equal(expected, actual, where);
        return actual;
    }

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private static long L(JsonNode? n) => long.Parse(n!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Performs one call; floats as their bits, integers as two's complement 64-bit words.</summary>
    private static ulong[] Apply(NumPyGenerator g, JsonNode call)
    {
        int? size = call["size"] is JsonNode s ? (int)L(s) : null;
        int n = size ?? 1; // NumPy's scalar call draws as a one-value fill
        switch ((string)call["m"]!)
        {
            case "random_f32":
                return Floats(n, values => g.Random(values));
            case "standard_normal_f32":
                return Floats(n, values => g.StandardNormal(values));
            case "standard_exponential_f32":
                return Floats(n, span => g.StandardExponential(span, (string)call["method"]!));
            case "standard_gamma_f32":
                return Floats(n, span => g.StandardGamma(BitConverter.UInt64BitsToDouble(ulong.Parse(call["shape_bits"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)), span));
            case "random_f64":
                return size is null ? [BitConverter.DoubleToUInt64Bits(g.Random())] : g.Random(n).Select(BitConverter.DoubleToUInt64Bits).ToArray();
            case "integers":
                return Integers(g, call, size);
            case "permuted":
                return Permuted(g, call);
            default:
                throw new InvalidOperationException("unknown method " + call["m"]);
        }
    }

    private static ulong[] Floats(int n, Action<float[]> fill)
    {
        float[] values = new float[n];
        fill(values);
        return values.Select(v => (ulong)BitConverter.SingleToUInt32Bits(v)).ToArray();
    }

    private static ulong[] Integers(NumPyGenerator g, JsonNode call, int? size)
    {
        long low = L(call["low"]), high = L(call["high"]);
        bool endpoint = (bool)call["endpoint"]!;
        switch ((string)call["dtype"]!)
        {
            case "int64":
                return Run<long>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "int32":
                return Run<int>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "uint32":
                return Run<uint>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "int16":
                return Run<short>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "uint16":
                return Run<ushort>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "int8":
                return Run<sbyte>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            case "uint8":
                return Run<byte>(v => v, (a, b, span, e) => g.Integers(a, b, span, e));
            default:
                return Run<bool>(v => v ? 1 : 0, (a, b, span, e) => g.Integers(a, b, span, e));
        }

        ulong[] Run<T>(Func<T, long> widen, SpanFill<T> fill)
            where T : unmanaged
        {
            T[] values = size is null ? [g.Integers<T>(low, high, endpoint)] : new T[size.Value];
            if (size is not null)
            {
                fill(low, high, values, endpoint);
            }

            return values.Select(v => unchecked((ulong)widen(v))).ToArray();
        }
    }

    private static ulong[] Permuted(NumPyGenerator g, JsonNode call)
    {
        long[] shape = call["shape"]!.AsArray().Select(L).ToArray();
        int? axis = call["axis"] is JsonNode a ? (int)L(a) : null;
        string output = (string)call["out"]!;
        if (shape.Length == 1)
        {
            long[] x = Enumerable.Range(0, (int)shape[0]).Select(i => (long)i).ToArray();
            switch (output)
            {
                case "none":
                    return Words(g.Permuted(x));
                case "fresh":
                    long[] y = new long[x.Length];
                    g.Permuted<long>(x, y);
                    return Words(y);
                default:
                    g.Permuted<long>(x, x);
                    return Words(x);
            }
        }

        long[,] x2 = new long[shape[0], shape[1]];
        for (int i = 0; i < x2.Length; i++)
        {
            x2[i / shape[1], i % shape[1]] = i;
        }

        long[,] result;
        switch (output)
        {
            case "none":
                result = g.Permuted(x2, axis);
                break;
            case "fresh":
                result = new long[shape[0], shape[1]];
                g.Permuted(x2, axis, result);
                break;
            default:
                g.Permuted(x2, axis, x2);
                result = x2;
                break;
        }

        return Words(result.Cast<long>());

        static ulong[] Words(IEnumerable<long> values) => values.Select(v => unchecked((ulong)v)).ToArray();
    }

    private delegate void SpanFill<T>(long low, long high, Span<T> destination, bool endpoint);

    private delegate float Next(ref VirtualSource source);

    private static JsonNode Bits(double d) => BitConverter.DoubleToUInt64Bits(d);

    private static JsonNode? Size(LiveSeeds seeds, int max) => seeds.Int(0, 8) switch
    {
        0 => null,
        1 => seeds.Int(0, 10),
        _ => seeds.Int(0, max),
    };

    private static JsonObject RandomCall(LiveSeeds seeds, string family, bool large)
    {
        switch (family)
        {
            case "floats":
                // Large calls, so that the tails (about 1 draw in 4000) and the wedges are hit many times per run.
                return seeds.Int(0, 5) switch
                {
                    0 => new JsonObject { ["m"] = "random_f32", ["size"] = Size(seeds, 3000) },
                    1 or 2 => new JsonObject { ["m"] = "standard_normal_f32", ["size"] = Size(seeds, large ? 25_000 : 2000) },
                    _ => new JsonObject { ["m"] = "standard_exponential_f32", ["size"] = Size(seeds, large ? 25_000 : 2000), ["method"] = seeds.Int(0, 3) == 0 ? "inv" : "zig" },
                };
            case "gamma":
                return new JsonObject { ["m"] = "standard_gamma_f32", ["shape_bits"] = Bits(GammaShape(seeds)), ["size"] = Size(seeds, 3000) };
            case "integers":
                return IntegersCall(seeds);
            case "permuted":
                return PermutedCall(seeds);
            default:
                return new JsonObject { ["m"] = "random_f64", ["size"] = Size(seeds, 9) };
        }
    }

    private static double GammaShape(LiveSeeds seeds) => seeds.Int(0, 16) switch
    {
        0 => 0.0,
        1 => 1.0,
        2 => seeds.Double(), // below 1
        3 => seeds.Double() * 1e-3,
        4 => 1e-40, // a float subnormal
        5 => 1e-50, // 0 as a float: zeros, no draws
        6 => 1.0 + (seeds.Double() * 1e-3),
        7 => 1.0 - (seeds.Double() * 1e-6),
        8 => seeds.Int(2, 20),
        9 => seeds.Double() * 1e6,
        10 => seeds.Int(0, 4) switch { 0 => -1.0, 1 => -0.0, 2 => -1e-50, _ => -seeds.Double() }, // NumPy's "shape < 0"
        11 => seeds.Int(0, 2) == 0 ? double.NaN : double.PositiveInfinity,
        12 => 1e39, // infinite as a float
        _ => 1.0 + (seeds.Double() * 10),
    };

    private static JsonObject IntegersCall(LiveSeeds seeds, bool allowInvalid = true)
    {
        string dtype = seeds.Pick(Dtypes);
        (long min, long max) = dtype switch
        {
            "int64" => (long.MinValue, long.MaxValue),
            "int32" => (int.MinValue, int.MaxValue),
            "uint32" => (0L, (long)uint.MaxValue),
            "int16" => (short.MinValue, short.MaxValue),
            "uint16" => (0L, ushort.MaxValue),
            "int8" => (sbyte.MinValue, sbyte.MaxValue),
            "uint8" => (0L, byte.MaxValue),
            _ => (0L, 1L),
        };
        int bits = dtype == "bool" ? 1 : dtype == "int64" ? 63 : dtype.EndsWith("32", StringComparison.Ordinal) ? 32 : dtype.EndsWith("16", StringComparison.Ordinal) ? 16 : 8;
        UInt128 full = (UInt128)(max - (Int128)min); // rng of the whole dtype
        int k = seeds.Int(1, bits + 1);
        UInt128 rng = seeds.Int(0, 12) switch
        {
            0 => 0,
            1 => 1,
            2 => ((UInt128)1 << k) - 1,
            3 => (UInt128)1 << k,
            4 => ((UInt128)1 << k) - 2,
            5 => full,
            6 => full - 1,
            7 => full / 2,
            8 => (UInt128)seeds.Int(0, 300),
            _ => (UInt128)seeds.Int64(0, long.MaxValue) % (full + 1),
        };
        if (rng > full)
        {
            rng = full;
        }

        Int128 lowest = seeds.Int(0, 4) switch
        {
            0 => min,
            1 => 0,
            _ => min + (Int128)((UInt128)seeds.Int64(0, long.MaxValue) % (full - rng + 1)),
        };
        if (lowest + (Int128)rng > max)
        {
            lowest = max - (Int128)rng;
        }

        if (lowest < min)
        {
            lowest = min;
        }

        bool endpoint = seeds.Bool();
        Int128 low = lowest, high = lowest + (Int128)rng + (endpoint ? 0 : 1);
        switch (allowInvalid ? seeds.Int(0, 14) : 99)
        {
            case 0:
                low = min - 1; // NumPy's "low is out of bounds"
                break;
            case 1:
                high = max + (endpoint ? 1 : 2); // "high is out of bounds"
                break;
            case 2:
                high = low - (endpoint ? 1 : 0); // an empty range
                break;
        }

        if (dtype == "int64" && (high > long.MaxValue || low < long.MinValue || high < long.MinValue))
        {
            // Our bounds are longs: keep int64 ranges representable (the int64 overload is the one the other tests cover).
            (low, high, endpoint) = (min, max, true);
        }

        return new JsonObject { ["m"] = "integers", ["dtype"] = dtype, ["low"] = (long)low, ["high"] = (long)high, ["endpoint"] = endpoint, ["size"] = Size(seeds, 2000) };
    }

    private static JsonObject PermutedCall(LiveSeeds seeds)
    {
        string output = seeds.Int(0, 3) switch { 0 => "none", 1 => "fresh", _ => "self" };
        if (seeds.Int(0, 3) == 0)
        {
            int n = seeds.Int(0, 5) == 0 ? seeds.Int(0, 3) : seeds.Int(0, 3000);
            return new JsonObject { ["m"] = "permuted", ["shape"] = new JsonArray(n), ["axis"] = null, ["out"] = output };
        }

        int rows = seeds.Int(0, 6) == 0 ? seeds.Int(0, 3) : seeds.Int(1, 80);
        int cols = seeds.Int(0, 6) == 0 ? seeds.Int(0, 3) : seeds.Int(1, 80);
        JsonNode? axis = seeds.Int(0, 20) switch
        {
            0 => 2, // NumPy's AxisError
            1 => -3,
            2 or 3 or 4 => null,
            5 => -1,
            6 => -2,
            _ => seeds.Int(0, 2),
        };
        return new JsonObject { ["m"] = "permuted", ["shape"] = new JsonArray(rows, cols), ["axis"] = axis, ["out"] = output };
    }
}
