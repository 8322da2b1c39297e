using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// The C# side of tests/oracles/python_variates.py: the same ops applied to a <see cref="PythonRandom"/>, with
/// CPython's errors (after the draws) as {"error": class name}; cases sent in one oracle call and compared by bits,
/// and by the complete state afterwards.
/// </summary>
internal static class PythonVariateCalls
{
    public const string Oracle = "python_variates.py";

    public static JsonNode F(double x) => BitConverter.DoubleToUInt64Bits(x);

    public static double D(JsonNode? n) => BitConverter.UInt64BitsToDouble((ulong)n!);

    /// <summary>Sends the cases (seed or state, ops) to CPython, checks every result and the final state in C#, and returns CPython's results.</summary>
    public static JsonArray RunAndCompare(JsonArray cases, LiveSeeds seeds)
    {
        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            string origin = c["seed"] is JsonNode seed ? $"seed {seed.ToJsonString()}" : "crafted state";
            string context = $"case {i} ({origin}) {seeds.Replay}";
            PythonRandom r = Create(c);
            CheckOps(r, c["ops"]!.AsArray(), results[i]!["results"]!.AsArray(), context);
            PythonRandomTests.CheckState((string)results[i]!["state"]!, r, context + " final state");
        }

        return results;
    }

    /// <summary>How many ops, over all cases, CPython answered with the given error (so a test can show it met the branch).</summary>
    public static int CountErrors(JsonArray results, string error) =>
        results.Sum(c => c!["results"]!.AsArray().Count(v => v is JsonObject o && (string)o["error"]! == error));

    public static PythonRandom Create(JsonNode c)
    {
        if (c["state"] is JsonNode state)
        {
            var fromState = new PythonRandom(0);
            fromState.SetStateJson((string)state!);
            return fromState;
        }

        JsonNode seed = c["seed"]!;
        return (string)seed["kind"]! switch
        {
            "int" => new PythonRandom(JsonAssert.ToBig(seed["value"])),
            "str" => new PythonRandom((string)seed["value"]!),
            _ => new PythonRandom(Convert.FromHexString((string)seed["value"]!)),
        };
    }

    /// <summary>An integer seed of 1 to 700 bits (or a small one), or now and then a string.</summary>
    public static JsonObject RandomSeed(LiveSeeds seeds) => seeds.Int(0, 8) switch
    {
        0 => new JsonObject { ["kind"] = "str", ["value"] = $"run {seeds.Int(0, 1 << 30)}" },
        1 => new JsonObject { ["kind"] = "int", ["value"] = seeds.Int(0, 100) },
        _ => new JsonObject { ["kind"] = "int", ["value"] = JsonAssert.Big(seeds.BigSeed(seeds.Bool() ? 64 : 700)) },
    };

    public static void CheckOps(PythonRandom r, JsonArray ops, JsonArray expected, string context)
    {
        Assert.True(ops.Count == expected.Count, $"{context}: {ops.Count} ops, {expected.Count} results");
        for (int i = 0; i < ops.Count; i++)
        {
            string want = expected[i]!.ToJsonString();
            string got = Apply(r, ops[i]!.AsArray()).ToJsonString();
            if (want != got)
            {
                Assert.Fail($"{context}: op {i} {Shorten(ops[i]!.ToJsonString())}: CPython {Shorten(want)}, C# {Shorten(got)}");
            }
        }
    }

    /// <summary>One op; CPython's errors after the draws come back as {"error": its class name}.</summary>
    public static JsonNode Apply(PythonRandom r, JsonArray op)
    {
        try
        {
            return Evaluate(r, op);
        }
        catch (OverflowException)
        {
            return Error("OverflowError");
        }
        catch (DivideByZeroException)
        {
            return Error("ZeroDivisionError");
        }
        catch (ArithmeticException) when ((string)op[0]! == "float_op" && (string)op[1]! == "pow")
        {
            return Error("complex");
        }
        catch (ArithmeticException)
        {
            return Error("ValueError");
        }
    }

    /// <summary>
    /// A state whose next <c>random()</c> values are exactly <c>mantissas[j] · 2^-53</c>: the key words at a random
    /// index are the inverse tempering of the words that <c>random()</c> turns into those values.
    /// </summary>
    public static string ForcedState(LiveSeeds seeds, params ulong[] mantissas)
    {
        var r = new PythonRandom(seeds.BigSeed(64));
        uint[] key = [.. r.GetState().Key];
        int index = seeds.Int(0, Mt19937.StateLength - (2 * mantissas.Length) + 1);
        for (int j = 0; j < mantissas.Length; j++)
        {
            key[index + (2 * j)] = Untemper((uint)(mantissas[j] >> 26) << 5);
            key[index + (2 * j) + 1] = Untemper((uint)(mantissas[j] & ((1UL << 26) - 1)) << 6);
        }

        var state = new PythonRandomState(key, index, null);
        var check = new PythonRandom(state);
        foreach (ulong m in mantissas)
        {
            Assert.Equal(m * (1.0 / 9007199254740992.0), check.Random());
        }

        return new PythonRandom(state).GetStateJson();
    }

    private static JsonObject Error(string name) => new() { ["error"] = name };

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "..." : s;

    private static double[]? Weights(JsonNode? spec)
    {
        if (spec is null)
        {
            return null;
        }

        return spec["ints"] is JsonArray ints
            ? [.. ints.Select(v => (double)JsonAssert.ToBig(v))]
            : [.. spec["bits"]!.AsArray().Select(D)];
    }

    private static JsonNode Evaluate(PythonRandom r, JsonArray op)
    {
        switch ((string)op[0]!)
        {
            case "random":
                return new JsonArray([.. Enumerable.Range(0, (int)op[1]!).Select(_ => F(r.Random()))]);
            case "gauss":
                return F(r.Gauss(D(op[1]), D(op[2])));
            case "normalvariate":
                return F(r.NormalVariate(D(op[1]), D(op[2])));
            case "expovariate":
                return F(r.ExpoVariate(D(op[1])));
            case "gammavariate":
                return F(r.GammaVariate(D(op[1]), D(op[2])));
            case "betavariate":
                return F(r.BetaVariate(D(op[1]), D(op[2])));
            case "lognormvariate":
                return F(r.LogNormVariate(D(op[1]), D(op[2])));
            case "paretovariate":
                return F(r.ParetoVariate(D(op[1])));
            case "vonmisesvariate":
                return F(r.VonMisesVariate(D(op[1]), D(op[2])));
            case "weibullvariate":
                return F(r.WeibullVariate(D(op[1]), D(op[2])));
            case "choices":
            {
                int[] population = [.. Enumerable.Range(0, (int)op[1]!)];
                int[] chosen = r.Choices(population, Weights(op[2]), Weights(op[3]), (int)op[4]!);
                return new JsonArray([.. chosen.Select(v => (JsonNode)v)]);
            }

            case "float_op":
            {
                double x = D(op[2]), y = D(op[3]);
                return F((string)op[1]! switch
                {
                    "exp" => CPythonFloatMath.Exp(x),
                    "log" => CPythonFloatMath.Log(x),
                    "acos" => CPythonFloatMath.Acos(x),
                    "pow" => CPythonFloatMath.Pow(x, y),
                    "mod" => CPythonFloatMath.Remainder(x, y),
                    "div" => CPythonFloatMath.Divide(x, y),
                    string name => throw new ArgumentException(name),
                });
            }

            default:
                throw new ArgumentException((string)op[0]!);
        }
    }

    // The inverse of MT19937's tempering (each step undone by repeating it until the shifted-in bits settle).
    private static uint Untemper(uint y)
    {
        y ^= y >> 18;
        y ^= (y << 15) & 0xefc60000;
        uint x = y;
        for (int i = 0; i < 5; i++)
        {
            x = y ^ ((x << 7) & 0x9d2c5680);
        }

        y = x;
        for (int i = 0; i < 3; i++)
        {
            x = y ^ (x >> 11);
        }

        return x;
    }
}
