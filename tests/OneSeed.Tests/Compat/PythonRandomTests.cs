using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

public sealed class PythonRandomTests
{
    private static readonly string[] IntegerOps = ["getrandbits", "randbytes", "randrange1", "randrange", "randint"];
    private static readonly string[] SequenceOps = ["choice", "shuffle", "sample"];
    private static readonly string[] FloatOps = ["random", "uniform", "gauss", "gauss", "normalvariate", "expovariate", "triangular"];

    [Fact]
    public void Known_fact_seed_42_randint()
    {
        var r = new PythonRandom(42);
        Assert.Equal([10, 1, 0, 4], Enumerable.Range(0, 4).Select(_ => r.RandInt(0, 10)));
    }

    [Fact]
    public void Golden_vectors_match_cpython()
    {
        foreach (JsonNode? c in PythonOracle.LoadGolden("python_random.json")["cases"]!.AsArray())
        {
            PythonRandom r = Create(c!["seed"]!);
            CheckOps(r, c["ops"]!.AsArray(), c["results"]!.AsArray(), $"golden {c["label"]}");
        }
    }

    [Fact]
    public void Live_integer_methods_match_cpython() => RunLive(IntegerOps, 300);

    [Fact]
    public void Live_sequence_methods_match_cpython() => RunLive(SequenceOps, 300);

    [Fact]
    public void Live_float_methods_match_cpython() => RunLive(FloatOps, 300);

    [Fact]
    public void Live_mixed_method_sequences_match_cpython() => RunLive([.. IntegerOps, .. SequenceOps, .. FloatOps], 300);

    [Fact]
    public void Live_state_from_python_continues_in_csharp()
    {
        var seeds = new LiveSeeds();
        JsonArray cases = RoundTripCases(seeds);
        JsonArray results = PythonOracle.Run("python_random.py", new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case {i} (seed {cases[i]!["seed"]!.ToJsonString()}) {seeds.Replay}";
            var r = new PythonRandom(7);
            r.SetStateJson((string)results[i]!["state"]!);
            CheckOps(r, cases[i]!["ops2"]!.AsArray(), results[i]!["results2"]!.AsArray(), context + " after loading Python's state");
            CheckState((string)results[i]!["state2"]!, r, context + " final state");
        }
    }

    [Fact]
    public void Live_state_from_csharp_continues_in_python()
    {
        var seeds = new LiveSeeds();
        JsonArray cases = RoundTripCases(seeds);
        var requests = new JsonArray();
        var generators = new List<PythonRandom>();
        for (int i = 0; i < cases.Count; i++)
        {
            PythonRandom r = Create(cases[i]!["seed"]!);
            foreach (JsonNode? op in cases[i]!["ops"]!.AsArray())
            {
                Apply(r, op!.AsArray());
            }

            requests.Add(new JsonObject { ["state"] = r.GetStateJson(), ["ops"] = cases[i]!["ops2"]!.DeepClone() });
            generators.Add(r);
        }

        JsonArray results = PythonOracle.Run("python_random.py", new JsonObject { ["op"] = "run", ["cases"] = requests })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case {i} (seed {cases[i]!["seed"]!.ToJsonString()}) {seeds.Replay}";
            CheckOps(generators[i], cases[i]!["ops2"]!.AsArray(), results[i]!["results"]!.AsArray(), context + " Python continuing C#'s state");
            CheckState((string)results[i]!["state"]!, generators[i], context + " final state");
        }
    }

    [Fact]
    public void State_round_trips_in_csharp_including_gauss_next_bits()
    {
        double[] awkward = [0.1, -0.0, 5e-324, 1e300, 1.0, -2.5, 1.0 / 3.0, double.Epsilon * 3, 123456789012345678.0];
        foreach (double g in awkward)
        {
            var r = new PythonRandom(1);
            PythonRandomState s = r.GetState();
            r.SetState(new PythonRandomState(s.Key, s.Index, g));
            string json = r.GetStateJson();
            var copy = new PythonRandom(2);
            copy.SetStateJson(json);
            Assert.Equal(BitConverter.DoubleToUInt64Bits(g), BitConverter.DoubleToUInt64Bits(copy.GetState().GaussNext!.Value));
            Assert.Equal(json, copy.GetStateJson());
            Assert.Equal(BitConverter.DoubleToUInt64Bits(r.Gauss()), BitConverter.DoubleToUInt64Bits(copy.Gauss()));
        }

        var a = new PythonRandom(BigInteger.Pow(2, 90));
        a.Gauss();
        var b = new PythonRandom(a.GetState());
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => a.Gauss()), Enumerable.Range(0, 50).Select(_ => b.Gauss()));
    }

    [Fact]
    public void Seed_resets_gauss_next_and_matches_the_constructor()
    {
        var r = new PythonRandom(3);
        r.Gauss();
        Assert.NotNull(r.GetState().GaussNext);
        r.Seed(42);
        Assert.Null(r.GetState().GaussNext);
        Assert.Equal(new PythonRandom(42).GetStateJson(), r.GetStateJson());
        r.Seed("abc");
        Assert.Equal(new PythonRandom("abc").GetStateJson(), r.GetStateJson());
        r.Seed(Encoding.UTF8.GetBytes("abc"));
        Assert.Equal(new PythonRandom("abc").GetStateJson(), r.GetStateJson());
        r.Seed(BigInteger.Parse("-123456789012345678901234567890", CultureInfo.InvariantCulture));
        Assert.Equal(new PythonRandom(BigInteger.Parse("123456789012345678901234567890", CultureInfo.InvariantCulture)).GetStateJson(), r.GetStateJson());
        r.Seed(-5L);
        Assert.Equal(new PythonRandom(5).GetStateJson(), r.GetStateJson());
        r.Gauss();
        r.Seed();
        Assert.Null(r.GetState().GaussNext);
    }

    [Fact]
    public void Entropy_seeding_gives_distinct_streams_and_tostring_hides_state()
    {
        var a = new PythonRandom();
        var b = new PythonRandom();
        Assert.NotEqual(a.GetRandBits(256), b.GetRandBits(256));
        Assert.DoesNotContain(a.GetState().Key[5].ToString(CultureInfo.InvariantCulture), a.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Span_shuffle_matches_list_shuffle()
    {
        var a = new PythonRandom(9);
        var b = new PythonRandom(9);
        int[] array = [.. Enumerable.Range(0, 50)];
        List<int> list = [.. Enumerable.Range(0, 50)];
        a.Shuffle(array.AsSpan());
        b.Shuffle(list);
        Assert.Equal(list, array);
    }

    [Fact]
    public void Bad_arguments_are_refused_and_nothing_is_consumed()
    {
        var r = new PythonRandom(11);
        string before = r.GetStateJson();
        AssertRefused<ArgumentOutOfRangeException>(() => r.GetRandBits(-1), "k");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandBytes(-1), "n");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandRange(0), "stop");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandRange(-3), "stop");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandRange(BigInteger.Zero), "stop");
        AssertRefused<ArgumentException>(() => r.RandRange(5, 5), "stop");
        AssertRefused<ArgumentException>(() => r.RandRange(0, 10, -1), "stop");
        AssertRefused<ArgumentException>(() => r.RandRange(new BigInteger(10), BigInteger.Zero), "stop");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandRange(0, 10, 0), "step");
        AssertRefused<ArgumentOutOfRangeException>(() => r.RandRange(BigInteger.Zero, new BigInteger(10), BigInteger.Zero), "step");
        AssertRefused<ArgumentException>(() => r.RandInt(3, 2), "b");
        AssertRefused<ArgumentException>(() => r.RandInt(new BigInteger(3), new BigInteger(2)), "b");
        AssertRefused<ArgumentException>(() => r.Choice(Array.Empty<int>()), "seq");
        AssertRefused<ArgumentNullException>(() => r.Choice<int>(null!), "seq");
        AssertRefused<ArgumentOutOfRangeException>(() => r.Sample([1, 2, 3], 4), "k");
        AssertRefused<ArgumentOutOfRangeException>(() => r.Sample([1, 2, 3], -1), "k");
        AssertRefused<ArgumentOutOfRangeException>(() => r.ExpoVariate(0.0), "lambd");
        AssertRefused<ArgumentException>(() => _ = new PythonRandom("bad \ud800 surrogate"), "seed");
        AssertRefused<ArgumentException>(() => r.Seed("bad \udc00"), "seed");
        AssertRefused<ArgumentNullException>(() => r.Seed((string)null!), "seed");
        AssertRefused<ArgumentNullException>(() => r.Seed((byte[])null!), "seed");
        Assert.Contains("[0, 3]", Assert.Throws<ArgumentOutOfRangeException>(() => r.Sample([1, 2, 3], 4)).Message, StringComparison.Ordinal);
        Assert.Equal(before, r.GetStateJson());

        void AssertRefused<TException>(Action action, string parameter)
            where TException : ArgumentException
        {
            var e = Assert.Throws<TException>(action);
            Assert.Equal(parameter, e.ParamName);
            Assert.Equal(before, r.GetStateJson());
        }
    }

    [Fact]
    public void Extreme_long_ranges_work()
    {
        var r = new PythonRandom(5);
        _ = r.RandInt(long.MinValue, long.MaxValue);
        _ = r.RandRange(long.MinValue, long.MaxValue);
        _ = r.RandRange(long.MaxValue, long.MinValue, -1);
        Assert.Equal(long.MaxValue, r.RandRange(long.MaxValue, long.MaxValue - 1, -1));
        Assert.Equal(7, r.RandInt(7, 7));
        Assert.Equal(BigInteger.Zero, r.GetRandBits(0));
        Assert.Empty(r.RandBytes(0));
    }

    [Fact]
    public void Bad_state_is_refused_and_the_generator_is_unchanged()
    {
        var r = new PythonRandom(8);
        r.Gauss();
        string good = r.GetStateJson();
        JsonObject Parse() => JsonNode.Parse(good)!.AsObject();

        var wrongVersion = Parse();
        wrongVersion["version"] = 2;
        var shortState = Parse();
        shortState["internalstate"]!.AsArray().RemoveAt(0);
        var badIndex = Parse();
        badIndex["internalstate"]![624] = 625;
        var zeroKey = Parse();
        zeroKey["internalstate"] = new JsonArray([.. Enumerable.Range(0, 624).Select(_ => (JsonNode?)0), 624]);
        var badGauss = Parse();
        badGauss["gauss_next"] = "1.5";
        var missingGauss = Parse();
        missingGauss.Remove("gauss_next");
        var bigWord = Parse();
        bigWord["internalstate"]![3] = 4294967296L;
        var wrongEngine = Parse();
        wrongEngine["bit_generator"] = "MT19937";
        var futureFormat = Parse();
        futureFormat["oneseed_state_version"] = 2;

        foreach ((string name, string json) in new[]
        {
            ("wrong version", wrongVersion.ToJsonString()), ("624 items", shortState.ToJsonString()), ("index 625", badIndex.ToJsonString()),
            ("all-zero key", zeroKey.ToJsonString()), ("string gauss_next", badGauss.ToJsonString()), ("no gauss_next", missingGauss.ToJsonString()),
            ("word over 2^32", bigWord.ToJsonString()), ("MT19937 state", wrongEngine.ToJsonString()), ("format version 2", futureFormat.ToJsonString()),
            ("malformed", "{\"bit_generator\": \"CPython.random\", "), ("array", "[1, 2]"),
        })
        {
            var e = Assert.Throws<FormatException>(() => r.SetStateJson(json));
            Assert.False(string.IsNullOrWhiteSpace(e.Message), name);
            Assert.Equal(good, r.GetStateJson());
        }

        Assert.Contains("zero", Assert.Throws<FormatException>(() => r.SetStateJson(zeroKey.ToJsonString())).Message, StringComparison.Ordinal);
        Assert.Contains("version", Assert.Throws<FormatException>(() => r.SetStateJson(wrongVersion.ToJsonString())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonRandomState(new uint[624], 625, null));
        uint[] key = new uint[624];
        key[1] = 1;
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => new PythonRandomState(key, -1, null)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonRandomState(key, 0, double.NaN));
        Assert.Throws<ArgumentException>(() => new PythonRandomState(new uint[623], 0, null));
        Assert.Throws<ArgumentException>(() => new PythonRandomState(new uint[624], 0, null));
        Assert.Throws<ArgumentNullException>(() => r.SetState(null!));
        Assert.Equal(good, r.GetStateJson());
    }

    private static void RunLive(string[] family, int count)
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var ops = new JsonArray();
            int n = seeds.Int(1, 12);
            for (int j = 0; j < n; j++)
            {
                ops.Add(RandomOp(seeds, seeds.Pick(family)));
            }

            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = ops });
        }

        JsonArray results = PythonOracle.Run("python_random.py", new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case {i} (seed {cases[i]!["seed"]!.ToJsonString()}) {seeds.Replay}";
            PythonRandom r = Create(cases[i]!["seed"]!);
            CheckOps(r, cases[i]!["ops"]!.AsArray(), results[i]!["results"]!.AsArray(), context);
            CheckState((string)results[i]!["state"]!, r, context + " final state");
        }
    }

    private static JsonArray RoundTripCases(LiveSeeds seeds)
    {
        string[] all = [.. IntegerOps, .. SequenceOps, .. FloatOps];
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            var ops = new JsonArray();
            var ops2 = new JsonArray();
            for (int j = seeds.Int(0, 8); j > 0; j--)
            {
                ops.Add(RandomOp(seeds, seeds.Pick(all)));
            }

            if (seeds.Bool())
            {
                // An odd number of gauss calls leaves gauss_next cached in the state that crosses over.
                ops.Add(RandomOp(seeds, "gauss"));
            }

            for (int j = seeds.Int(1, 8); j > 0; j--)
            {
                ops2.Add(RandomOp(seeds, seeds.Pick(all)));
            }

            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = ops, ["ops2"] = ops2 });
        }

        return cases;
    }

    private static JsonObject RandomSeed(LiveSeeds seeds)
    {
        switch (seeds.Int(0, 6))
        {
            case 0:
            {
                var text = new StringBuilder();
                for (int i = seeds.Int(0, 30); i > 0; i--)
                {
                    int codePoint = seeds.Int(0, 4) switch
                    {
                        0 => seeds.Int(0x20, 0x7f),
                        1 => seeds.Int(0x80, 0xd800),
                        2 => seeds.Int(0xe000, 0x10000),
                        _ => seeds.Int(0x10000, 0x110000),
                    };
                    text.Append(char.ConvertFromUtf32(codePoint));
                }

                return new JsonObject { ["kind"] = "str", ["value"] = text.ToString() };
            }

            case 1:
            {
                byte[] bytes = new byte[seeds.Int(0, 80)];
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)(seeds.Bool() ? 0 : seeds.Int(0, 256));
                }

                return new JsonObject { ["kind"] = "bytes", ["value"] = Convert.ToHexString(bytes) };
            }

            default:
            {
                BigInteger value = seeds.Int(0, 3) == 0 ? seeds.Int(0, 100) : seeds.BigSeed(seeds.Bool() ? 64 : 700);
                return new JsonObject { ["kind"] = "int", ["value"] = JsonAssert.Big(seeds.Bool() ? -value : value) };
            }
        }
    }

    /// <summary>A positive range size biased toward edges: 1, 2, 2^k and 2^k ± 1 (k up to 130), and random sizes.</summary>
    private static BigInteger RandomSize(LiveSeeds seeds)
    {
        int k = seeds.Pick([1, 2, 5, 31, 32, 33, 52, 53, 63, 64, 65, 100, seeds.Int(1, 131)]);
        BigInteger p = BigInteger.One << k;
        return seeds.Int(0, 6) switch
        {
            0 => 1,
            1 => p,
            2 => p + 1,
            3 => p - 1 > 0 ? p - 1 : 1,
            4 => seeds.Int(1, 1000),
            _ => seeds.BigSeed(seeds.Bool() ? 40 : 130) + 1,
        };
    }

    private static JsonArray RandomOp(LiveSeeds seeds, string name)
    {
        JsonNode F(double x) => BitConverter.DoubleToUInt64Bits(x);
        double RandomDouble() => seeds.Int(0, 4) switch
        {
            0 => seeds.Int(-5, 6),
            1 => (seeds.Double() - 0.5) * Math.Pow(10, seeds.Int(-10, 12)),
            _ => (seeds.Double() * 20) - 10,
        };

        switch (name)
        {
            case "random":
                return ["random", seeds.Int(1, 40)];
            case "getrandbits":
                return ["getrandbits", seeds.Int(0, 4) == 0 ? seeds.Int(0, 1200) : seeds.Pick([0, 1, 31, 32, 33, 63, 64, 65, 96, 97, seeds.Int(0, 130)])];
            case "randbytes":
                return ["randbytes", seeds.Int(0, 3) == 0 ? seeds.Int(0, 300) : seeds.Int(0, 10)];
            case "randrange1":
                return ["randrange1", JsonAssert.Big(RandomSize(seeds))];
            case "randrange":
            {
                BigInteger start = (seeds.Bool() ? 1 : -1) * (seeds.Bool() ? seeds.Int(0, 100) : seeds.BigSeed(seeds.Bool() ? 62 : 100));
                BigInteger step = seeds.Int(0, 3) == 0 ? 1 : (seeds.Bool() ? 1 : -1) * RandomSize(seeds) / (seeds.Bool() ? 1 : 1000000) + (seeds.Bool() ? 1 : 0);
                if (step.IsZero)
                {
                    step = -1;
                }

                // Choose the count first so that the range is never empty.
                BigInteger count = RandomSize(seeds);
                BigInteger stop = start + (step * (count - 1)) + step.Sign;
                return ["randrange", JsonAssert.Big(start), JsonAssert.Big(stop), JsonAssert.Big(step)];
            }

            case "randint":
            {
                BigInteger a = (seeds.Bool() ? 1 : -1) * (seeds.Bool() ? seeds.Int(0, 100) : seeds.BigSeed(seeds.Bool() ? 62 : 100));
                return ["randint", JsonAssert.Big(a), JsonAssert.Big(a + RandomSize(seeds) - 1)];
            }

            case "choice":
                return ["choice", seeds.Int(0, 3) == 0 ? seeds.Int(1, 100000) : seeds.Int(1, 40)];
            case "shuffle":
                return ["shuffle", seeds.Int(0, 4) == 0 ? seeds.Int(0, 3000) : seeds.Int(0, 30)];
            case "sample":
            {
                // Around CPython's pool/set threshold as often as not.
                int k = seeds.Int(0, 3) == 0 ? seeds.Int(0, 6) : seeds.Int(0, 80);
                int threshold = PythonRandom.SampleSetSize(k);
                int n = seeds.Int(0, 3) switch
                {
                    0 => threshold + seeds.Int(-2, 3),
                    1 => k + seeds.Int(0, 20),
                    _ => seeds.Int(k, 5000),
                };
                return ["sample", Math.Max(n, k), k];
            }

            case "uniform":
                return ["uniform", F(RandomDouble()), F(RandomDouble())];
            case "gauss":
                return ["gauss", F(RandomDouble()), F(RandomDouble())];
            case "normalvariate":
                return ["normalvariate", F(RandomDouble()), F(RandomDouble())];
            case "expovariate":
            {
                double lambd = RandomDouble();
                return ["expovariate", F(lambd == 0 ? 1.5 : lambd)];
            }

            case "triangular":
            {
                double low = RandomDouble();
                double high = seeds.Int(0, 8) == 0 ? low : RandomDouble();
                JsonNode? mode = seeds.Int(0, 3) == 0 ? null : F(seeds.Bool() ? low + ((high - low) * seeds.Double()) : RandomDouble());
                return ["triangular", F(low), F(high), mode];
            }

            default:
                throw new ArgumentException(name);
        }
    }

    private static PythonRandom Create(JsonNode seed) => (string)seed["kind"]! switch
    {
        "int" => CreateFromInteger(JsonAssert.ToBig(seed["value"])),
        "str" => new PythonRandom((string)seed["value"]!),
        _ => new PythonRandom(Convert.FromHexString((string)seed["value"]!)),
    };

    // Integer seeds that fit a long also go through the long constructor.
    private static PythonRandom CreateFromInteger(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue && !value.IsEven ? new PythonRandom((long)value) : new PythonRandom(value);

    private static void CheckOps(PythonRandom r, JsonArray ops, JsonArray expected, string context)
    {
        Assert.True(ops.Count == expected.Count, $"{context}: {ops.Count} ops, {expected.Count} results");
        for (int i = 0; i < ops.Count; i++)
        {
            string want = expected[i]!.ToJsonString();
            string got = Apply(r, ops[i]!.AsArray()).ToJsonString();
            if (want != got)
            {
                Assert.Fail($"{context}: op {i} {ops[i]!.ToJsonString()}: CPython {Shorten(want)}, C# {Shorten(got)}");
            }
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "..." : s;

    internal static void CheckState(string pythonJson, PythonRandom r, string context)
    {
        JsonNode expected = JsonNode.Parse(pythonJson)!;
        JsonNode actual = JsonNode.Parse(r.GetStateJson())!;
        Assert.True(expected["internalstate"]!.ToJsonString() == actual["internalstate"]!.ToJsonString(), $"{context}: internal state differs");
        Assert.True((int)expected["version"]! == (int)actual["version"]!, $"{context}: version");
        JsonNode? eg = expected["gauss_next"];
        JsonNode? ag = actual["gauss_next"];
        Assert.True((eg is null) == (ag is null), $"{context}: gauss_next {eg?.ToJsonString() ?? "null"} vs {ag?.ToJsonString() ?? "null"}");
        if (eg is not null)
        {
            Assert.True(BitConverter.DoubleToUInt64Bits((double)eg) == BitConverter.DoubleToUInt64Bits((double)ag!), $"{context}: gauss_next {eg.ToJsonString()} vs {ag!.ToJsonString()}");
        }
    }

    private static JsonNode Apply(PythonRandom r, JsonArray op)
    {
        static double D(JsonNode? n) => BitConverter.UInt64BitsToDouble((ulong)n!);
        static JsonNode Bits(double d) => BitConverter.DoubleToUInt64Bits(d);
        static bool IsLong(BigInteger x) => x >= long.MinValue && x <= long.MaxValue;

        switch ((string)op[0]!)
        {
            case "random":
                return new JsonArray([.. Enumerable.Range(0, (int)op[1]!).Select(_ => Bits(r.Random()))]);
            case "getrandbits":
                return JsonAssert.Big(r.GetRandBits((int)op[1]!));
            case "randbytes":
                return new JsonArray([.. r.RandBytes((int)op[1]!).Select(b => (JsonNode)(int)b)]);
            case "randrange1":
            {
                BigInteger stop = JsonAssert.ToBig(op[1]);
                return JsonAssert.Big(IsLong(stop) ? r.RandRange((long)stop) : r.RandRange(stop));
            }

            case "randrange":
            {
                BigInteger start = JsonAssert.ToBig(op[1]), stop = JsonAssert.ToBig(op[2]), step = JsonAssert.ToBig(op[3]);
                if (IsLong(start) && IsLong(stop) && IsLong(step))
                {
                    return JsonAssert.Big(step.IsOne ? r.RandRange((long)start, (long)stop) : r.RandRange((long)start, (long)stop, (long)step));
                }

                return JsonAssert.Big(step.IsOne ? r.RandRange(start, stop) : r.RandRange(start, stop, step));
            }

            case "randint":
            {
                BigInteger a = JsonAssert.ToBig(op[1]), b = JsonAssert.ToBig(op[2]);
                return JsonAssert.Big(IsLong(a) && IsLong(b) ? r.RandInt((long)a, (long)b) : r.RandInt(a, b));
            }

            case "choice":
                return r.Choice(Enumerable.Range(0, (int)op[1]!).ToArray());
            case "shuffle":
            {
                List<int> x = [.. Enumerable.Range(0, (int)op[1]!)];
                r.Shuffle(x);
                return new JsonArray([.. x.Select(v => (JsonNode)v)]);
            }

            case "sample":
                return new JsonArray([.. r.Sample(Enumerable.Range(0, (int)op[1]!).ToArray(), (int)op[2]!).Select(v => (JsonNode)v)]);
            case "uniform":
                return Bits(r.Uniform(D(op[1]), D(op[2])));
            case "gauss":
                return Bits(r.Gauss(D(op[1]), D(op[2])));
            case "normalvariate":
                return Bits(r.NormalVariate(D(op[1]), D(op[2])));
            case "expovariate":
                return Bits(r.ExpoVariate(D(op[1])));
            case "triangular":
                return Bits(r.Triangular(D(op[1]), D(op[2]), op[3] is null ? null : D(op[3])));
            default:
                throw new ArgumentException((string)op[0]!);
        }
    }
}
