using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

public sealed class NumPyRandomStateTests
{
    private const string Oracle = "numpy_random_state.py";

    [Fact]
    public void Span_overloads_give_the_allocating_overloads_values_and_state()
    {
        var seeds = new LiveSeeds();
        foreach (int n in new[] { 0, 1, 2, 3, 623, 624, 625, 5003 })
        {
            uint seed = seeds.UInt32();
            var a = new NumPyRandomState(seed);
            var b = new NumPyRandomState(seed);
            long[] ints = new long[n];
            double[] normals = new double[n];
            a.RandInt(-7, 1000, ints);
            Assert.Equal(n == 0 ? [] : b.RandInt(-7, 1000, n), ints);
            a.RandInt(0, 1L << 40, ints);
            Assert.Equal(n == 0 ? [] : b.RandInt(0, 1L << 40, n), ints);

            // Odd counts leave the Gaussian cache full: the next call must start from it on both sides.
            a.StandardNormal(normals);
            Assert.Equal(b.StandardNormal(n), normals);
            a.StandardNormal(normals);
            Assert.Equal(b.StandardNormal(n), normals);
            Assert.True(b.GetStateJson() == a.GetStateJson(), $"n = {n}: different final state ({seeds.Replay})");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandomState(1).RandInt(5, 5, Span<long>.Empty));
    }

    [Fact]
    public void Known_fact_seed_42_randint()
    {
        var rs = new NumPyRandomState(42);
        Assert.Equal(new long[] { 6, 3, 7, 4 }, rs.RandInt(0, 10, 4));
    }

    [Fact]
    public void Golden_vectors_match_numpy()
    {
        int ops = 0;
        foreach (JsonNode? c in PythonOracle.LoadGolden("numpy_random_state.json")["cases"]!.AsArray())
        {
            ops += CheckProgram(c!, c!["results"]!.AsArray(), $"golden '{c!["label"]}'");
        }

        Assert.True(ops > 500, $"only {ops} golden operations drew numbers");
    }

    [Fact]
    public void Live_randint_matches_numpy()
    {
        var seeds = new LiveSeeds();
        RunLive(seeds, 300, () => RandomSeed(seeds), () => Enumerable.Range(0, seeds.Int(1, 6)).Select(_ => RandIntOp(seeds)));
    }

    [Fact]
    public void Live_normals_uniform_and_samples_interleaved_match_numpy()
    {
        // Normal draws leave a cached value behind; interleaving them with other draws checks that the cache
        // neither consumes nor skips engine output.
        var seeds = new LiveSeeds();
        RunLive(seeds, 300, () => RandomSeed(seeds), () => Enumerable.Range(0, seeds.Int(1, 12)).Select(_ => seeds.Int(0, 6) switch
        {
            // Now and then past the bulk path's chunk of 256 pairs, with its four-lane logarithms.
            0 => Op("standard_normal", seeds.Int(0, 5) == 0 ? seeds.Int(500, 2100) : Size(seeds, 9)),
            1 => NormalOp(seeds),
            2 => UniformOp(seeds),
            3 => Op("random_sample", Size(seeds, 9)),
            4 => RandIntOp(seeds),
            _ => Op("standard_normal", seeds.Bool() ? null : seeds.Int(0, 4) * 2 + 1),
        }));
    }

    [Fact]
    public void Live_choice_matches_numpy()
    {
        var seeds = new LiveSeeds();
        RunLive(seeds, 300, () => RandomSeed(seeds), () => Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => ChoiceOp(seeds)));
    }

    [Fact]
    public void Live_shuffle_and_permutation_match_numpy()
    {
        var seeds = new LiveSeeds();
        RunLive(seeds, 300, () => RandomSeed(seeds), () => Enumerable.Range(0, seeds.Int(1, 4)).Select(_ =>
        {
            int n = seeds.Int(0, 4) switch { 0 => seeds.Int(0, 6), 1 => seeds.Int(0, 100), 2 => seeds.Int(0, 3000), _ => seeds.Pick(new[] { 624, 625, 1248, 256, 257, 65536 }) };
            return seeds.Bool() ? Op("permutation", null, ("n", n)) : Op("shuffle", null, ("n", n), ("array", seeds.Bool()));
        }));
    }

    [Fact]
    public void Live_mixed_programs_with_reseeding_and_state_snapshots_match_numpy()
    {
        var seeds = new LiveSeeds();
        RunLive(seeds, 200, () => RandomSeed(seeds), () => Enumerable.Range(0, seeds.Int(1, 25)).Select(_ => AnyOp(seeds, withState: true)));
    }

    [Fact]
    public void Live_state_written_by_csharp_continues_in_numpy()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var continuations = new List<NumPyRandomState>();
        for (int i = 0; i < 120; i++)
        {
            var rs = Create(RandomSeed(seeds));
            foreach (JsonObject op in Enumerable.Range(0, seeds.Int(0, 8)).Select(_ => AnyOp(seeds, withState: false)))
            {
                try
                {
                    Execute(rs, op);
                }
                catch (ArgumentException)
                {
                    // Refused calls (generated on purpose) change nothing.
                }
            }

            var ops = new JsonArray(Enumerable.Range(0, seeds.Int(1, 8)).Select(_ => (JsonNode)AnyOp(seeds, withState: false)).Append(Op("state")).ToArray());
            cases.Add(new JsonObject { ["seed"] = new JsonObject { ["kind"] = "state", ["json"] = rs.GetStateJson() }, ["ops"] = ops });
            continuations.Add(rs);
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            CheckOps(continuations[i], cases[i]!["ops"]!.AsArray(), results[i]!["results"]!.AsArray(), $"case {i} {seeds.Replay}");
        }
    }

    [Fact]
    public void Live_state_written_by_numpy_continues_in_csharp()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var prefixLengths = new List<int>();
        for (int i = 0; i < 120; i++)
        {
            var ops = new JsonArray();
            int prefix = seeds.Int(0, 8);
            for (int k = 0; k < prefix; k++)
            {
                ops.Add(AnyOp(seeds, withState: false));
            }

            ops.Add(Op("state"));
            for (int k = seeds.Int(1, 8); k > 0; k--)
            {
                ops.Add(AnyOp(seeds, withState: false));
            }

            prefixLengths.Add(prefix);
            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = ops });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonArray ops = cases[i]!["ops"]!.AsArray();
            JsonArray expected = results[i]!["results"]!.AsArray();
            int p = prefixLengths[i];
            var rs = new NumPyRandomState(1);
            rs.SetStateJson((string)expected[p]!["state"]!);
            var suffixOps = new JsonArray(ops.Skip(p + 1).Select(o => o!.DeepClone()).ToArray());
            var suffixExpected = new JsonArray(expected.Skip(p + 1).Select(o => o!.DeepClone()).ToArray());
            CheckOps(rs, suffixOps, suffixExpected, $"case {i} {seeds.Replay}");
        }
    }

    [Fact]
    public void Seeding_overloads_and_reseeding()
    {
        Assert.Equal(new NumPyRandomState(5).RandomSample(10), new NumPyRandomState([5u]).RandomSample(10));
        Assert.Equal(Mt19937.CreateLegacy([1u, 2u]).GetStateJson(), new NumPyRandomState([1u, 2u]).BitGenerator.GetStateJson());
        Assert.Throws<ArgumentException>(() => new NumPyRandomState(Array.Empty<uint>()));
        Assert.Throws<ArgumentNullException>(() => new NumPyRandomState((uint[])null!));

        var rs = new NumPyRandomState(9);
        rs.StandardNormal();
        Assert.True(rs.GetState().HasGauss);
        Mt19937 engine = rs.BitGenerator;
        rs.Seed(9);
        Assert.Same(engine, rs.BitGenerator);
        Assert.False(rs.GetState().HasGauss);
        Assert.Equal(new NumPyRandomState(9).StandardNormal(5), rs.StandardNormal(5));
        rs.Seed([3u, 4u, 5u]);
        Assert.Equal(new NumPyRandomState([3u, 4u, 5u]).RandInt(0, 1000, 20), rs.RandInt(0, 1000, 20));
        string before = rs.GetStateJson();
        Assert.Throws<ArgumentException>(() => rs.Seed(Array.Empty<uint>()));
        Assert.Equal(before, rs.GetStateJson());

        // Fresh entropy: as NumPy, the key changes (first word 0x80000000) and the read position stays.
        var fresh = new NumPyRandomState();
        Assert.Equal(623, fresh.GetState().BitGeneratorState.Position);
        Assert.NotEqual(new NumPyRandomState().RandomSample(4), fresh.RandomSample(4));
        var legacy = new NumPyRandomState(1);
        legacy.StandardNormal();
        int position = legacy.GetState().BitGeneratorState.Position;
        legacy.Seed();
        NumPyLegacyState s = legacy.GetState();
        Assert.Equal(position, s.BitGeneratorState.Position);
        Assert.Equal(0x80000000u, s.BitGeneratorState.Key[0]);
        Assert.False(s.HasGauss);
    }

    [Fact]
    public void Bulk_standard_normal_matches_the_scalar_draws_and_state_across_chunks()
    {
        var seeds = new LiveSeeds();
        foreach (int size in new[] { 1, 2, 3, 511, 512, 513, 1025, seeds.Int(0, 5000), seeds.Int(0, 5000) })
        {
            foreach (bool transcriptions in (bool[])[true, false])
            {
                // glibc's transcribed log where it serves, then the certified log with its fallback.
                try
                {
                    GlibcVectorMath.TranscriptionsEnabled = transcriptions;
                    CheckBulkStandardNormal(seeds, size);
                }
                finally
                {
                    GlibcVectorMath.TranscriptionsEnabled = true;
                }
            }
        }
    }

    private static void CheckBulkStandardNormal(LiveSeeds seeds, int size)
    {
        uint seed = seeds.UInt32();
        var bulk = new NumPyRandomState(seed);
        var scalar = new NumPyRandomState(seed);
        if (seeds.Bool())
        {
            // Start from a cached second value.
            Assert.Equal(scalar.StandardNormal(), bulk.StandardNormal());
        }

        double[] values = bulk.StandardNormal(size);
        for (int k = 0; k < size; k++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(scalar.StandardNormal()) == BitConverter.DoubleToInt64Bits(values[k]), $"size {size}, value {k}, transcriptions {GlibcVectorMath.TranscriptionsEnabled} {seeds.Replay}");
        }

        Assert.Equal(scalar.GetState().ToJson(), bulk.GetState().ToJson());
    }

    [Fact]
    public void Bulk_and_scalar_paths_agree()
    {
        var a = new NumPyRandomState(77);
        var b = new NumPyRandomState(77);
        double[] bulk = a.RandomSample(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(_ => b.RandomSample()), bulk);
        Assert.Equal(Enumerable.Range(0, 7).Select(_ => b.StandardNormal()), a.StandardNormal(7));
        Assert.Equal(Enumerable.Range(0, 9).Select(_ => b.RandInt(-3, 1L << 40)), a.RandInt(-3, 1L << 40, 9));
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => b.Uniform(2, 3)), a.Uniform(2, 3, 5));
        Assert.Equal(b.Rand(3), a.Rand(3));
        Assert.Equal(b.RandN(3), a.RandN(3));
        Assert.Equal(b.Choice(10, 1, false), new[] { a.Choice(10, replace: false) });

        int[] array = Enumerable.Range(0, 50).ToArray();
        List<int> list = [.. array];
        a.Shuffle(array);
        b.Shuffle(list);
        Assert.Equal(array, list);
        string[] strings = ["a", "b", "c", "d"];
        Span<string> span = strings.AsSpan();
        a.Shuffle(span);
        Assert.Equal(4, strings.Distinct().Count());
    }

    [Fact]
    public void Bad_arguments_are_refused_without_consuming_draws()
    {
        var rs = new NumPyRandomState(3);
        string before = rs.GetStateJson();
        Assert.Contains("low >= high", Assert.Throws<ArgumentOutOfRangeException>(() => rs.RandInt(5, 5)).Message, StringComparison.Ordinal);
        Assert.Contains("high <= 0", Assert.Throws<ArgumentOutOfRangeException>(() => rs.RandInt(0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.RandInt(0, 5, -1));
        Assert.Empty(rs.RandInt(5, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.RandomIntegers(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Normal(0, -0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Normal(0, -1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Uniform(double.MinValue, double.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Uniform(0, double.NaN, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Permutation(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Choice(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.Choice(3, 4, replace: false));
        Assert.Throws<ArgumentException>(() => rs.Choice(3, 2, p: [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => rs.Choice(2, 2, p: [1.5, -0.5]));
        Assert.Throws<ArgumentException>(() => rs.Choice(2, 2, p: [0.5, 0.6]));
        Assert.Throws<ArgumentException>(() => rs.Choice(2, 2, p: [double.NaN, 1]));
        Assert.Throws<ArgumentException>(() => rs.Choice(3, 2, false, [1, 0, 0]));
        Assert.Throws<ArgumentNullException>(() => rs.Shuffle((IList<int>)null!));
        Assert.Equal(before, rs.GetStateJson());
        Assert.Equal("NumPyRandomState(MT19937)", rs.ToString());
    }

    [Fact]
    public void Bad_state_is_refused_and_the_generator_is_unchanged()
    {
        var rs = new NumPyRandomState(11);
        rs.StandardNormal();
        string before = rs.GetStateJson();
        uint[] key = [.. rs.GetState().BitGeneratorState.Key];
        Assert.Throws<FormatException>(() => rs.SetStateJson("{not json"));
        Assert.Throws<FormatException>(() => rs.SetStateJson(before.Replace("\"MT19937\"", "\"PCG64\"", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => rs.SetStateJson(before.Replace("\"has_gauss\":1", "\"has_gauss\":2", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => rs.SetStateJson(before.Replace("\"gauss\":", "\"gauss\":\"x\",\"g\":", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => rs.SetStateJson(before.Replace("\"pos\":", "\"pos\":1000,\"p\":", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => rs.SetStateJson(before.Replace("\"key\":[", "\"key\":[1,", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => rs.SetStateJson("{\"bit_generator\":\"MT19937\",\"state\":{\"key\":[" + string.Join(",", new int[624]) + "],\"pos\":0}}"));
        Assert.Throws<ArgumentException>(() => rs.SetState("PCG64", key, 3));
        Assert.Throws<ArgumentException>(() => rs.SetState("MT19937", key[..623], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.SetState("MT19937", key, 625));
        Assert.Throws<ArgumentException>(() => rs.SetState("MT19937", new uint[624], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rs.SetState("MT19937", key, 0, 1, double.NaN));
        Assert.Throws<ArgumentNullException>(() => rs.SetState(null!));
        Assert.Equal(before, rs.GetStateJson());
    }

    [Fact]
    public void State_round_trips_in_csharp_including_the_tuple_form_and_plain_engine_states()
    {
        var rs = new NumPyRandomState(12);
        rs.StandardNormal(3);
        NumPyLegacyState state = rs.GetState();
        Assert.True(state.HasGauss);
        Assert.Equal(1, state.Version);
        Assert.DoesNotContain("gauss", state.ToString(), StringComparison.Ordinal);
        var copy = new NumPyRandomState(1);
        copy.SetStateJson(rs.GetStateJson());
        Assert.Equal(rs.StandardNormal(9), copy.StandardNormal(9));

        var tuple = new NumPyRandomState(2);
        tuple.SetState("MT19937", [.. state.BitGeneratorState.Key], state.BitGeneratorState.Position, 1, state.CachedGaussian);
        var expected = new NumPyRandomState(3);
        expected.SetState(state);
        Assert.Equal(expected.StandardNormal(5), tuple.StandardNormal(5));

        // A bare MT19937 state (NumPy's set_state accepts it) means an empty cache.
        var bare = new NumPyRandomState(4);
        bare.SetStateJson(rs.BitGenerator.GetStateJson());
        Assert.False(bare.GetState().HasGauss);

        // -0.0 and extreme doubles survive the JSON text.
        foreach (double g in new[] { -0.0, double.Epsilon, 1e-300, -1.2345678901234567e300, 0.1 })
        {
            var s = new NumPyLegacyState(state.BitGeneratorState, true, g);
            Assert.Equal(BitConverter.DoubleToUInt64Bits(g), BitConverter.DoubleToUInt64Bits(NumPyLegacyState.FromJson(s.ToJson()).CachedGaussian));
        }
    }

    // ---- program runner shared by golden and live tests ----

    private static void RunLive(LiveSeeds seeds, int count, Func<JsonObject> seed, Func<IEnumerable<JsonObject>> ops)
    {
        var cases = new JsonArray();
        int total = 0;
        int succeeded = 0;
        for (int i = 0; i < count; i++)
        {
            JsonObject[] program = ops().ToArray();
            total += program.Length;
            cases.Add(new JsonObject { ["seed"] = seed(), ["ops"] = new JsonArray(program) });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            succeeded += CheckProgram(cases[i]!, results[i]!["results"]!.AsArray(), $"live case {i} (seed {cases[i]!["seed"]!.ToJsonString()}) {seeds.Replay}");
        }

        // Refusals are generated on purpose, but most operations must draw numbers.
        Assert.True(succeeded * 2 >= total, $"only {succeeded} of {total} live operations drew numbers {seeds.Replay}");
    }

    private static int CheckProgram(JsonNode c, JsonArray expected, string context)
    {
        NumPyRandomState rs = Create(JsonNode.Parse(c["seed"]!.ToJsonString())!.AsObject());
        return CheckOps(rs, c["ops"]!.AsArray(), expected, context);
    }

    private static int CheckOps(NumPyRandomState rs, JsonArray ops, JsonArray expected, string context)
    {
        Assert.Equal(ops.Count, expected.Count);
        int succeeded = 0;
        for (int k = 0; k < ops.Count; k++)
        {
            JsonNode op = ops[k]!;
            JsonNode want = expected[k]!;
            string where = $"{context}, op {k} {op.ToJsonString()}";
            if (want["error"] is JsonNode error)
            {
                string before = rs.GetStateJson();
                Exception e = Assert.ThrowsAny<ArgumentException>(() => Execute(rs, op));
                Assert.True(before == rs.GetStateJson(), $"{where}: a refused call changed the state ({e.Message}; numpy: {error})");
                continue;
            }

            JsonNode got;
            try
            {
                got = Execute(rs, op);
            }
            catch (ArgumentException e)
            {
                Assert.Fail($"{where}: threw {e.GetType().Name} '{e.Message}' but NumPy returned {want.ToJsonString()[..Math.Min(200, want.ToJsonString().Length)]}");
                throw;
            }

            if (want["i"] is JsonNode ints)
            {
                JsonAssert.Equal(JsonAssert.Int64s(ints), JsonAssert.Int64s(got["i"]), where);
            }
            else if (want["f"] is JsonNode floats)
            {
                JsonAssert.Equal(JsonAssert.UInt64s(floats), JsonAssert.UInt64s(got["f"]), where + " (double bits)");
            }
            else
            {
                NumPyLegacyState w = NumPyLegacyState.FromJson((string)want["state"]!);
                NumPyLegacyState g = NumPyLegacyState.FromJson((string)got["state"]!);
                JsonAssert.Equal(w.BitGeneratorState.Key, g.BitGeneratorState.Key, where + " key");
                Assert.True(w.BitGeneratorState.Position == g.BitGeneratorState.Position, $"{where}: pos");
                Assert.True(w.HasGauss == g.HasGauss, $"{where}: has_gauss");
                Assert.True(BitConverter.DoubleToUInt64Bits(w.CachedGaussian) == BitConverter.DoubleToUInt64Bits(g.CachedGaussian), $"{where}: gauss");
            }

            succeeded++;
        }

        return succeeded;
    }

    private static NumPyRandomState Create(JsonObject seed) => (string)seed["kind"]! switch
    {
        "int" => new NumPyRandomState((uint)seed["seed"]!),
        "array" => new NumPyRandomState(JsonAssert.UInt32s(seed["key"])),
        _ => StateOf((string)seed["json"]!),
    };

    private static NumPyRandomState StateOf(string json)
    {
        var rs = new NumPyRandomState(0);
        rs.SetStateJson(json);
        return rs;
    }

    private static double Bits(JsonNode? n) => BitConverter.UInt64BitsToDouble((ulong)n!);

    private static JsonObject Ints(IEnumerable<long> values) => new() { ["i"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };

    private static JsonObject Floats(IEnumerable<double> values) => new() { ["f"] = new JsonArray(values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v)).ToArray()) };

    private static JsonObject Execute(NumPyRandomState rs, JsonNode node)
    {
        // Cases built in memory hold CLR values (int, uint, ...); their JSON text reads uniformly.
        JsonNode op = JsonNode.Parse(node.ToJsonString())!;
        int? size = (int?)op["size"];
        switch ((string)op["m"]!)
        {
            case "random_sample":
                return Floats(size is int n ? rs.RandomSample(n) : [rs.RandomSample()]);
            case "randint":
                {
                    long high = (long)op["high"]!;
                    if (op["low"] is null)
                    {
                        return Ints(size is int m ? rs.RandInt(0, high, m) : [rs.RandInt(high)]);
                    }

                    long low = (long)op["low"]!;
                    return Ints(size is int k ? rs.RandInt(low, high, k) : [rs.RandInt(low, high)]);
                }

            case "random_integers":
                {
                    long low = (long)op["low"]!;
                    long high = (long)op["high"]!;
                    return Ints(size is int k ? rs.RandomIntegers(low, high, k) : [rs.RandomIntegers(low, high)]);
                }

            case "standard_normal":
                return Floats(size is int sn ? rs.StandardNormal(sn) : [rs.StandardNormal()]);
            case "normal":
                {
                    double loc = Bits(op["loc_bits"]);
                    double scale = Bits(op["scale_bits"]);
                    return Floats(size is int s ? rs.Normal(loc, scale, s) : [rs.Normal(loc, scale)]);
                }

            case "uniform":
                {
                    double low = Bits(op["low_bits"]);
                    double high = Bits(op["high_bits"]);
                    return Floats(size is int s ? rs.Uniform(low, high, s) : [rs.Uniform(low, high)]);
                }

            case "permutation":
                return Ints(rs.Permutation((long)op["n"]!));
            case "shuffle":
                {
                    long[] x = Enumerable.Range(0, (int)op["n"]!).Select(i => (long)i).ToArray();
                    if (op["array"] is JsonNode a && !(bool)a)
                    {
                        var list = x.ToList();
                        rs.Shuffle(list);
                        return Ints(list);
                    }

                    rs.Shuffle(x);
                    return Ints(x);
                }

            case "choice":
                {
                    long a = (long)op["a"]!;
                    bool replace = op["replace"] is not JsonNode r || (bool)r;
                    double[]? p = op["p_bits"]?.AsArray().Select(Bits).ToArray();
                    return Ints(size is int s ? rs.Choice(a, s, replace, p) : [rs.Choice(a, replace, p)]);
                }

            case "seed":
                if (op["key"] is JsonNode key)
                {
                    rs.Seed(JsonAssert.UInt32s(key));
                }
                else
                {
                    rs.Seed((uint)op["seed"]!);
                }

                return Ints([]);
            case "state":
                return new JsonObject { ["state"] = rs.GetStateJson() };
            default:
                throw new InvalidOperationException($"unknown op {op["m"]}");
        }
    }

    // ---- random cases ----

    private static JsonObject Op(string m, int? size = null, params (string Name, JsonNode? Value)[] args)
    {
        var op = new JsonObject { ["m"] = m, ["size"] = size };
        foreach ((string name, JsonNode? value) in args)
        {
            op[name] = value;
        }

        return op;
    }

    private static int? Size(LiveSeeds seeds, int max) => seeds.Int(0, 4) == 0 ? null : seeds.Int(0, max + 1);

    private static JsonObject RandomSeed(LiveSeeds seeds) => seeds.Int(0, 4) switch
    {
        0 => new JsonObject { ["kind"] = "int", ["seed"] = seeds.Pick(new uint[] { 0, 1, 42, uint.MaxValue, seeds.UInt32() }) },
        1 => new JsonObject { ["kind"] = "array", ["key"] = new JsonArray(Enumerable.Range(0, seeds.Pick(new[] { 1, 2, 3, 623, 624, 625, seeds.Int(1, 50) })).Select(_ => (JsonNode)seeds.UInt32()).ToArray()) },
        _ => new JsonObject { ["kind"] = "int", ["seed"] = seeds.UInt32() },
    };

    private static BigInteger RandomWidth(LiveSeeds seeds)
    {
        int k = seeds.Int(1, 64);
        BigInteger pow = BigInteger.One << k;
        return seeds.Int(0, 8) switch
        {
            0 => pow - 1,
            1 => pow,
            2 => pow + 1,
            3 => seeds.Pick(new BigInteger[] { 1, 2, 3, BigInteger.One << 32, (BigInteger.One << 32) + 1, (BigInteger.One << 32) - 1, BigInteger.One << 62 }),
            4 => seeds.Int(1, 1000),
            5 => new BigInteger(seeds.UInt32()) + 1,
            _ => (seeds.BigSeed(64) % ((BigInteger.One << 64) - 1)) + 1,
        };
    }

    private static JsonObject RandIntOp(LiveSeeds seeds)
    {
        BigInteger min = long.MinValue;
        BigInteger max = long.MaxValue;
        BigInteger width = RandomWidth(seeds);
        if (width > max - min)
        {
            width = max - min;
        }

        BigInteger low = seeds.Int(0, 4) switch
        {
            0 => 0,
            1 => -(width / 2) - seeds.Int(0, 10),
            2 => min,
            _ => min + (seeds.BigSeed(64) % (max - width - min + 1)),
        };
        BigInteger high = low + width;
        if (high > max)
        {
            high = max;
            low = high - width;
        }

        if (low < min)
        {
            low = min;
        }

        int? size = seeds.Int(0, 5) == 0 ? null : seeds.Int(0, 40);
        if (seeds.Int(0, 8) == 0)
        {
            // The closed form reaches the full int64 span.
            return Op("random_integers", size, ("low", (long)low), ("high", (long)(high == max && seeds.Bool() ? max : high - 1)));
        }

        if (low == 0 && seeds.Bool())
        {
            return Op("randint", size, ("high", (long)high));
        }

        if (seeds.Int(0, 30) == 0)
        {
            // An empty range: refused (or, with size 0, an empty array) as in NumPy.
            return Op("randint", size, ("low", (long)low), ("high", (long)low));
        }

        return Op("randint", size, ("low", (long)low), ("high", (long)high));
    }

    private static JsonNode DoubleArg(LiveSeeds seeds) =>
        BitConverter.DoubleToUInt64Bits(seeds.Int(0, 6) switch
        {
            0 => 0.0,
            1 => seeds.Double() * 1e6 - 5e5,
            2 => seeds.Pick(new[] { 1e300, -1e300, double.Epsilon, -1.5, 3.25 }),
            _ => seeds.Double() * 20 - 10,
        });

    private static JsonObject NormalOp(LiveSeeds seeds)
    {
        double scale = seeds.Int(0, 12) switch { 0 => 0.0, 1 => -1.0, 2 => -0.0, _ => seeds.Double() * 10 };
        return Op("normal", Size(seeds, 7), ("loc_bits", DoubleArg(seeds)), ("scale_bits", BitConverter.DoubleToUInt64Bits(scale)));
    }

    private static JsonObject UniformOp(LiveSeeds seeds) =>
        seeds.Int(0, 15) == 0
            ? Op("uniform", Size(seeds, 5), ("low_bits", BitConverter.DoubleToUInt64Bits(-double.MaxValue)), ("high_bits", BitConverter.DoubleToUInt64Bits(double.MaxValue)))
            : Op("uniform", Size(seeds, 7), ("low_bits", DoubleArg(seeds)), ("high_bits", DoubleArg(seeds)));

    private static JsonObject ChoiceOp(LiveSeeds seeds)
    {
        long a = seeds.Int(0, 5) switch { 0 => seeds.Int(-1, 4), 1 => seeds.Int(1, 20), 2 => seeds.Int(1, 300), 3 => seeds.Pick(new[] { 256, 257, 1000 }), _ => seeds.Int(1, 60) };
        bool replace = seeds.Bool();
        int? size = seeds.Int(0, 5) == 0 ? null : seeds.Int(0, (int)Math.Max(2, replace ? 50 : a + 2));
        var op = Op("choice", size, ("a", a), ("replace", replace));
        if (seeds.Int(0, 3) > 0 && a >= 0 && a <= 1000)
        {
            double[] w = new double[a];
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = seeds.Int(0, 4) == 0 ? 0.0 : seeds.Int(0, 6) == 0 ? seeds.Double() * 1e-6 : seeds.Double();
            }

            double total = w.Sum();
            if (total > 0)
            {
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] /= total;
                }
            }

            switch (seeds.Int(0, 25))
            {
                case 0 when w.Length > 0:
                    w[0] += 3e-8; // outside the tolerance
                    break;
                case 1 when w.Length > 0:
                    w[^1] += 5e-9; // inside it
                    break;
                case 2 when w.Length > 1:
                    w[1] = -w[1];
                    break;
                case 3 when w.Length > 0:
                    w = w[..^1]; // wrong length
                    break;
            }

            op["p_bits"] = new JsonArray(w.Select(x => (JsonNode)BitConverter.DoubleToUInt64Bits(x)).ToArray());
        }

        return op;
    }

    private static JsonObject AnyOp(LiveSeeds seeds, bool withState) => seeds.Int(0, withState ? 11 : 9) switch
    {
        0 => Op("random_sample", Size(seeds, 9)),
        1 => RandIntOp(seeds),
        2 => Op("standard_normal", Size(seeds, 9)),
        3 => NormalOp(seeds),
        4 => UniformOp(seeds),
        5 => Op("permutation", null, ("n", seeds.Int(0, 40))),
        6 => Op("shuffle", null, ("n", seeds.Int(0, 40)), ("array", seeds.Bool())),
        7 or 8 => ChoiceOp(seeds),
        9 => Op("state"),
        _ => seeds.Bool()
            ? Op("seed", null, ("seed", seeds.UInt32()))
            : Op("seed", null, ("key", new JsonArray(Enumerable.Range(0, seeds.Int(1, 5)).Select(_ => (JsonNode)seeds.UInt32()).ToArray()))),
    };
}
