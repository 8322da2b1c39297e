using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.TorchSharp.Tests;

/// <summary>Fresh random cases per draw family, edge sizes biased in (lengths around torch's 16-wide paths).</summary>
internal static class DrawCases
{
    private static readonly int[] EdgeLengths = [1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 64, 255, 256, 257];

    public static long Seed(LiveSeeds seeds) => seeds.Int(0, 5) switch
    {
        0 => seeds.Int(0, 1000),
        1 => seeds.Int64(long.MinValue, 0),
        2 => seeds.Pick(new long[] { 0, 42, 3407, -1, long.MaxValue, long.MinValue, uint.MaxValue }),
        _ => seeds.Int64(long.MinValue, long.MaxValue),
    };

    public static int Length(LiveSeeds seeds, int min, int max)
    {
        int[] edges = EdgeLengths.Where(e => e >= min && e <= max).ToArray();
        return edges.Length > 0 && seeds.Bool() ? seeds.Pick(edges) : seeds.Int(min, max + 1);
    }

    public static JsonObject Case(LiveSeeds seeds, string kind, int n, string? dtype = null)
    {
        var c = new JsonObject { ["kind"] = kind, ["n"] = n, ["seed"] = Seed(seeds) };
        if (dtype is not null)
        {
            c["dtype"] = dtype;
        }

        return c;
    }

    /// <summary>The cases of one named family (the rows of docs/torchsharp.md).</summary>
    public static List<JsonObject> Family(string family, LiveSeeds seeds, int count)
    {
        var cases = new List<JsonObject>(count);
        for (int i = 0; i < count; i++)
        {
            cases.Add(One(family, seeds));
        }

        return cases;
    }

    private static JsonObject One(string family, LiveSeeds seeds)
    {
        string dtype = seeds.Bool() ? "float64" : "float32";
        switch (family)
        {
            case "rand_float32": return Case(seeds, "rand", Length(seeds, 1, 3000), "float32");
            case "rand_float64": return Case(seeds, "rand", Length(seeds, 1, 3000), "float64");
            case "randn_small_float32": return Case(seeds, "randn", Length(seeds, 1, 15), "float32");
            case "randn_small_float64": return Case(seeds, "randn", Length(seeds, 1, 15), "float64");
            case "randn_large": return Case(seeds, "randn", Length(seeds, 16, 2000), dtype);
            case "randint_small":
            {
                long low = seeds.Int64(-1_000_000, 1_000_000);
                // libtorch 2.10 draws 64 bits from 2^28 on, torch 1.13 from 2^32 on: "randint_mid" has that band.
                long range = seeds.Int(0, 3) switch { 0 => seeds.Int64(1, 1000), 1 => seeds.Pick(new[] { 1L, 2, (1L << 28) - 1, 1L << 16 }), _ => seeds.Int64(1, 1L << 28) };
                var c = Case(seeds, "randint", Length(seeds, 1, 500));
                c["low"] = low;
                c["high"] = low + range;
                return c;
            }

            case "randint_mid":
            {
                long low = seeds.Int64(-1_000_000, 1_000_000);
                var c = Case(seeds, "randint", Length(seeds, 1, 500));
                c["low"] = low;
                c["high"] = low + seeds.Pick(new[] { 1L << 28, (1L << 32) - 1, seeds.Int64(1L << 28, 1L << 32) });
                return c;
            }

            case "randint_large":
            {
                long range = seeds.Bool() ? seeds.Pick(new[] { 1L << 32, (1L << 32) + 1, 1L << 62 }) : seeds.Int64((1L << 32) + 1, long.MaxValue / 2);
                long low = seeds.Int64(-(1L << 60), 1L << 60);
                var c = Case(seeds, "randint", Length(seeds, 1, 500));
                c["low"] = low;
                c["high"] = low + range;
                return c;
            }

            case "randperm_small": return Case(seeds, "randperm", Length(seeds, 1, 64));
            case "randperm_large": return Case(seeds, "randperm", seeds.Int(65, 60_000));
            case "bernoulli_tensor":
            {
                var c = Case(seeds, "bernoulli_tensor", Length(seeds, 1, 1000), dtype);
                c["p"] = seeds.Pick(new[] { 0.0, 1.0, 0.5, seeds.Double() });
                return c;
            }

            case "bernoulli_scalar":
            {
                var c = Case(seeds, "bernoulli_scalar", Length(seeds, 1, 1000), dtype);
                c["p"] = seeds.Pick(new[] { 0.0, 1.0, 0.5, seeds.Double() });
                return c;
            }

            case "normal_":
            case "normal_small_float64":
            {
                // torch's scalar path (fewer than 16 values) in float64 differs from torch 1.13 in the last bits.
                var c = family == "normal_"
                    ? (dtype == "float32" ? Case(seeds, "normal_", Length(seeds, 1, 1000), dtype) : Case(seeds, "normal_", Length(seeds, 16, 1000), dtype))
                    : Case(seeds, "normal_", Length(seeds, 1, 15), "float64");
                c["mean"] = Math.Round((seeds.Double() - 0.5) * 20, 3);
                c["std"] = Math.Round(seeds.Double() * 5 + 0.001, 3);
                return c;
            }

            case "uniform_":
            {
                var c = Case(seeds, "uniform_", Length(seeds, 1, 1000), dtype);
                double a = Math.Round((seeds.Double() - 0.5) * 100, 3);
                c["a"] = a;
                c["b"] = a + Math.Round(seeds.Double() * 50 + 0.001, 3);
                return c;
            }

            case "random_":
            {
                long low = seeds.Int64(-1_000_000, 1_000_000);
                var c = Case(seeds, "random_", Length(seeds, 1, 500));
                c["low"] = low;
                c["high"] = low + (seeds.Bool() ? seeds.Int64(1, 1L << 28) : seeds.Int64(1L << 32, 1L << 40));
                return c;
            }

            default: throw new ArgumentException($"unknown family {family}");
        }
    }
}
