using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Engines;
using OneSeed.Seeding;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Engines;

/// <summary>
/// Drives the 64-bit engines (PCG64, PCG64DXSM, Philox, SFC64) through the op lists of tests/oracles/engines.py
/// and compares every output with NumPy's, bit for bit.
/// </summary>
/// <remarks>
/// Every "state" op checks C#'s JSON against NumPy's dict and then continues from an engine rebuilt from NumPy's JSON
/// (Python → C#); "state"-initialised cases carry C# JSON to NumPy (C# → Python). Draw ops are executed either by
/// scalar calls or by <c>Fill</c> (chosen per op), so the bulk paths are checked against NumPy too.
/// </remarks>
internal static class EngineHarness
{
    private static readonly BigInteger Two128 = BigInteger.One << 128;

    public static BitGenerator Create(string engine, JsonNode init)
    {
        string kind = (string)init["kind"]!;
        switch (kind)
        {
            case "seed":
                BigInteger seed = JsonAssert.ToBig(init["seed"]);
                return engine switch
                {
                    "PCG64" => new Pcg64(seed),
                    "PCG64DXSM" => new Pcg64Dxsm(seed),
                    "Philox" => new Philox(seed),
                    "SFC64" => new Sfc64(seed),
                    _ => throw new ArgumentException(engine),
                };
            case "seedseq":
                var seq = new SeedSequence(JsonAssert.ToBig(init["entropy"]), init["spawn_key"]!.AsArray().Select(JsonAssert.ToBig).ToArray());
                return engine switch
                {
                    "PCG64" => new Pcg64(seq),
                    "PCG64DXSM" => new Pcg64Dxsm(seq),
                    "Philox" => new Philox(seq),
                    "SFC64" => new Sfc64(seq),
                    _ => throw new ArgumentException(engine),
                };
            case "key":
                JsonNode key = init["key"]!;
                JsonNode counter = init["counter"]!;
                return key is JsonArray k
                    ? Philox.FromKey((ulong)k[0]!, (ulong)k[1]!, JsonAssert.UInt64s(counter))
                    : Philox.FromKey(JsonAssert.ToBig(key), JsonAssert.ToBig(counter));
            case "state":
                return FromJson(engine, (string)init["json"]!);
            default:
                throw new ArgumentException(kind);
        }
    }

    /// <summary>A fresh engine of the given kind (deliberately differently seeded) with its state replaced from <paramref name="json"/>.</summary>
    public static BitGenerator FromJson(string engine, string json)
    {
        BitGenerator g = engine switch
        {
            "PCG64" => new Pcg64(987654321),
            "PCG64DXSM" => new Pcg64Dxsm(987654321),
            "Philox" => new Philox(987654321),
            "SFC64" => new Sfc64(987654321),
            _ => throw new ArgumentException(engine),
        };
        g.SetStateJson(json);
        return g;
    }

    /// <summary>Runs <paramref name="ops"/> on <paramref name="engine"/> and checks each output against <paramref name="expected"/>.</summary>
    /// <param name="useFill">Decides per op index whether a draw op goes through <c>Fill</c>.</param>
    /// <returns>The engine at the end (it is replaced after jumps and state ops).</returns>
    public static BitGenerator RunAndCheck(string name, BitGenerator engine, JsonArray ops, JsonArray expected, string context, Func<int, bool> useFill)
    {
        Assert.True(ops.Count == expected.Count, $"{context}: {ops.Count} ops but {expected.Count} outputs");
        for (int i = 0; i < ops.Count; i++)
        {
            JsonArray op = ops[i]!.AsArray();
            string what = $"{context} op {i} {op.ToJsonString()}";
            JsonNode? exp = expected[i];
            switch ((string)op[0]!)
            {
                case "u64":
                {
                    ulong[] actual = new ulong[(int)op[1]!];
                    if (useFill(i))
                    {
                        engine.Fill(actual);
                    }
                    else
                    {
                        for (int j = 0; j < actual.Length; j++)
                        {
                            actual[j] = engine.NextUInt64();
                        }
                    }

                    JsonAssert.Equal(JsonAssert.UInt64s(exp), actual, what);
                    break;
                }

                case "u32":
                {
                    uint[] actual = new uint[(int)op[1]!];
                    if (useFill(i))
                    {
                        engine.Fill(actual);
                    }
                    else
                    {
                        for (int j = 0; j < actual.Length; j++)
                        {
                            actual[j] = engine.NextUInt32();
                        }
                    }

                    JsonAssert.Equal(JsonAssert.UInt32s(exp), actual, what);
                    break;
                }

                case "f64":
                {
                    double[] actual = new double[(int)op[1]!];
                    if (useFill(i))
                    {
                        engine.Fill(actual);
                    }
                    else
                    {
                        for (int j = 0; j < actual.Length; j++)
                        {
                            actual[j] = engine.NextDouble();
                        }
                    }

                    JsonAssert.Equal(JsonAssert.UInt64s(exp), actual.Select(BitConverter.DoubleToUInt64Bits).ToArray(), what);
                    break;
                }

                case "advance":
                    Advance(engine, JsonAssert.ToBig(op[1]));
                    break;

                case "jumped":
                {
                    string before = engine.GetStateJson();
                    BitGenerator jumped = Jumped(engine, (int)op[1]!);
                    Assert.True(before == engine.GetStateJson(), $"{what}: Jumped changed the original");
                    AssertStateEqual(exp!, before, what);
                    engine = jumped;
                    break;
                }

                case "state":
                    AssertStateEqual(exp!, engine.GetStateJson(), what);

                    // Python → C#: continue from NumPy's own JSON.
                    engine = FromJson(name, exp!.ToJsonString());
                    break;

                default:
                    throw new ArgumentException((string)op[0]!);
            }
        }

        return engine;
    }

    public static void AssertStateEqual(JsonNode numpyState, string csharpJson, string context)
    {
        var mine = JsonNode.Parse(csharpJson)!.AsObject();
        Assert.True(mine.Remove("oneseed_state_version"), $"{context}: C# state JSON lacks oneseed_state_version");
        Assert.True(JsonNode.DeepEquals(numpyState, mine), $"{context}: state differs.\nNumPy: {numpyState.ToJsonString()}\nC#:    {mine.ToJsonString()}");
    }

    public static void Advance(BitGenerator engine, BigInteger delta)
    {
        switch (engine)
        {
            case Pcg64 p:
                p.Advance(delta);
                break;
            case Pcg64Dxsm d:
                d.Advance(delta);
                break;
            case Philox x:
                x.Advance(delta);
                break;
            default:
                throw new ArgumentException(engine.GetType().Name);
        }
    }

    public static BitGenerator Jumped(BitGenerator engine, int jumps) => engine switch
    {
        Pcg64 p => p.Jumped(jumps),
        Pcg64Dxsm d => d.Jumped(jumps),
        Philox x => x.Jumped(jumps),
        _ => throw new ArgumentException(engine.GetType().Name),
    };

    public static void CheckGolden(string engine)
    {
        int n = 0;
        foreach (JsonNode? c in PythonOracle.LoadGolden("engines.json")["cases"]!.AsArray())
        {
            if ((string)c!["engine"]! != engine)
            {
                continue;
            }

            string context = $"golden {c["label"]}";
            RunAndCheck(engine, Create(engine, c["init"]!), c["ops"]!.AsArray(), c["out"]!.AsArray(), context + " (scalar)", _ => false);
            RunAndCheck(engine, Create(engine, c["init"]!), c["ops"]!.AsArray(), c["out"]!.AsArray(), context + " (fill)", _ => true);
            n++;
        }

        Assert.True(n >= 5, $"only {n} golden cases for {engine}");
    }

    /// <summary>
    /// Hundreds of fresh cases: random seeds (huge ones included), spawned sequences, Philox keys and counters, random op
    /// lists mixing u32/u64/f64 draws with advances (beyond 2^64, negative) and jumps 1..5 and state round trips.
    /// </summary>
    public static void CheckLive(string engine, int count)
    {
        var seeds = new LiveSeeds();
        bool canJump = engine != "SFC64";
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            JsonObject init = seeds.Int(0, 10) switch
            {
                0 => new JsonObject { ["kind"] = "seedseq", ["entropy"] = JsonAssert.Big(seeds.BigSeed()), ["spawn_key"] = new JsonArray(Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => JsonAssert.Big(seeds.BigSeed(70))).ToArray()) },
                1 when engine == "Philox" => RandomKeyInit(seeds),
                2 => new JsonObject { ["kind"] = "seed", ["seed"] = seeds.Pick(new[] { 0, 1, 42, int.MaxValue }) },
                _ => new JsonObject { ["kind"] = "seed", ["seed"] = JsonAssert.Big(seeds.BigSeed(seeds.Bool() ? 64 : 300)) },
            };
            cases.Add(new JsonObject { ["engine"] = engine, ["init"] = init, ["ops"] = RandomOps(seeds, canJump) });
        }

        JsonArray results = PythonOracle.Run("engines.py", new JsonObject { ["op"] = "engine", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < count; i++)
        {
            JsonNode c = cases[i]!;
            int salt = seeds.Int(0, int.MaxValue);
            RunAndCheck(engine, Create(engine, c["init"]!), c["ops"]!.AsArray(), results[i]!["out"]!.AsArray(),
                $"live case {i} init {c["init"]!.ToJsonString()} {seeds.Replay}", op => ((op * 7919) ^ salt) % 3 == 0);
        }
    }

    /// <summary>C# → Python: each case runs a random prefix in C#, hands its state JSON to NumPy (tools/state_json.py), and both continue.</summary>
    public static void CheckCSharpStateToPython(string engine, int count)
    {
        var seeds = new LiveSeeds();
        bool canJump = engine != "SFC64";
        var engines = new List<BitGenerator>();
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            BitGenerator g = Create(engine, new JsonObject { ["kind"] = "seed", ["seed"] = JsonAssert.Big(seeds.BigSeed()) });
            int prefix = seeds.Int(0, 60);
            for (int j = 0; j < prefix; j++)
            {
                switch (seeds.Int(0, canJump ? 5 : 3))
                {
                    case 0:
                        g.NextUInt64();
                        break;
                    case 1:
                    case 2:
                        g.NextUInt32();
                        break;
                    case 3:
                        Advance(g, seeds.BigSeed(140) - (seeds.Bool() ? 0 : Two128));
                        break;
                    default:
                        g = Jumped(g, seeds.Int(1, 6));
                        break;
                }
            }

            engines.Add(g);
            cases.Add(new JsonObject
            {
                ["engine"] = engine,
                ["init"] = new JsonObject { ["kind"] = "state", ["json"] = g.GetStateJson() },
                ["ops"] = RandomOps(seeds, canJump),
            });
        }

        JsonArray results = PythonOracle.Run("engines.py", new JsonObject { ["op"] = "engine", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < count; i++)
        {
            JsonNode c = cases[i]!;
            RunAndCheck(engine, engines[i], c["ops"]!.AsArray(), results[i]!["out"]!.AsArray(),
                $"C#→Python case {i} state {c["init"]!["json"]} {seeds.Replay}", op => op % 2 == 1);
        }
    }

    /// <summary>Fill(Span) equals the same scalar draws for lengths 0..70, at odd offsets, after a buffered 32-bit half.</summary>
    public static void CheckFillMatchesScalar(Func<BitGenerator> create)
    {
        for (int length = 0; length <= 70; length++)
        {
            for (int offset = 0; offset < 3; offset++)
            {
                for (int leadU32 = 0; leadU32 < 2; leadU32++)
                {
                    string context = $"length {length} offset {offset} lead u32 {leadU32}";
                    BitGenerator bulk = create();
                    BitGenerator scalar = create();

                    // Some draws first, so Philox's block buffer is part-read at a varying position.
                    for (int j = 0; j < length % 5; j++)
                    {
                        bulk.NextUInt64();
                        scalar.NextUInt64();
                    }

                    for (int j = 0; j < leadU32; j++)
                    {
                        Assert.Equal(scalar.NextUInt32(), bulk.NextUInt32());
                    }

                    ulong[] u64 = new ulong[length + offset];
                    bulk.Fill(u64.AsSpan(offset, length));
                    JsonAssert.Equal(Enumerable.Range(0, length).Select(_ => scalar.NextUInt64()).ToArray(), u64.AsSpan(offset).ToArray(), context + " u64");
                    Assert.True(scalar.GetStateJson() == bulk.GetStateJson(), context + " state after u64");

                    uint[] u32 = new uint[length + offset];
                    bulk.Fill(u32.AsSpan(offset, length));
                    JsonAssert.Equal(Enumerable.Range(0, length).Select(_ => scalar.NextUInt32()).ToArray(), u32.AsSpan(offset).ToArray(), context + " u32");
                    Assert.True(scalar.GetStateJson() == bulk.GetStateJson(), context + " state after u32");

                    double[] f64 = new double[length + offset];
                    bulk.Fill(f64.AsSpan(offset, length));
                    JsonAssert.Equal(Enumerable.Range(0, length).Select(_ => BitConverter.DoubleToUInt64Bits(scalar.NextDouble())).ToArray(), f64.AsSpan(offset).ToArray().Select(BitConverter.DoubleToUInt64Bits).ToArray(), context + " f64");
                    Assert.True(scalar.GetStateJson() == bulk.GetStateJson(), context + " state after f64");

                    Assert.Equal(scalar.NextUInt32(), bulk.NextUInt32());
                    Assert.Equal(scalar.NextUInt64(), bulk.NextUInt64());
                }
            }
        }
    }

    private static JsonObject RandomKeyInit(LiveSeeds seeds)
    {
        if (seeds.Bool())
        {
            return new JsonObject { ["kind"] = "key", ["key"] = JsonAssert.Big(seeds.BigSeed(128)), ["counter"] = JsonAssert.Big(seeds.BigSeed(256)) };
        }

        JsonNode Word() => seeds.Int(0, 4) == 0 ? ulong.MaxValue - (ulong)seeds.Int(0, 3) : ((ulong)seeds.UInt32() << 32) | seeds.UInt32();
        return new JsonObject
        {
            ["kind"] = "key",
            ["key"] = new JsonArray(Word(), Word()),
            ["counter"] = new JsonArray(Word(), Word(), Word(), Word()),
        };
    }

    private static JsonArray RandomOps(LiveSeeds seeds, bool canJump)
    {
        var ops = new JsonArray();
        int n = seeds.Int(2, 12);
        for (int i = 0; i < n; i++)
        {
            switch (seeds.Int(0, canJump ? 9 : 6))
            {
                case 0:
                case 1:
                    ops.Add(new JsonArray("u64", seeds.Int(0, 41)));
                    break;
                case 2:
                case 3:
                    ops.Add(new JsonArray("u32", seeds.Int(0, 16)));
                    break;
                case 4:
                    ops.Add(new JsonArray("f64", seeds.Int(0, 21)));
                    break;
                case 5:
                    ops.Add(new JsonArray("state"));
                    break;
                case 6:
                case 7:
                    BigInteger delta = seeds.Int(0, 4) switch
                    {
                        0 => seeds.Int(0, 100),
                        1 => seeds.BigSeed(64) + (BigInteger.One << 64),
                        2 => -seeds.BigSeed(seeds.Bool() ? 8 : 140),
                        _ => seeds.BigSeed(300),
                    };
                    ops.Add(new JsonArray("advance", JsonAssert.Big(delta)));
                    break;
                default:
                    ops.Add(new JsonArray("jumped", seeds.Int(1, 6)));
                    break;
            }
        }

        return ops;
    }
}
