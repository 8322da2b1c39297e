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

            default: return Sampler(family, seeds, dtype);
        }
    }

    /// <summary>The samplers of issue 21 (torch_draws.py's <c>sampler</c>): parameters drawn over their interesting ranges.</summary>
    private static JsonObject Sampler(string family, LiveSeeds seeds, string dtype)
    {
        JsonArray Doubles(int count, Func<double> next) => new([.. Enumerable.Range(0, count).Select(_ => (JsonNode)next())]);
        JsonArray Ints(params int[] values) => new([.. values.Select(v => (JsonNode)v)]);
        switch (family)
        {
            case "multinomial_replacement":
            case "multinomial_no_replacement":
            case "multinomial_single":
            {
                bool replacement = family != "multinomial_no_replacement";
                int rows = seeds.Int(1, 5), k = Length(seeds, 2, 300);
                double zeroShare = seeds.Pick(new[] { 0.0, 0.3, 0.8 });
                var probs = new double[rows * k];
                for (int r = 0; r < rows; r++)
                {
                    for (int j = 0; j < k; j++)
                    {
                        probs[(r * k) + j] = seeds.Double() < zeroShare ? 0.0 : seeds.Double() * seeds.Pick(new[] { 1.0, 1e-3, 1e3 });
                    }

                    probs[(r * k) + seeds.Int(0, k)] = 0.5; // every row keeps a positive weight
                }

                int nonZero = Enumerable.Range(0, rows).Min(r => probs.Skip(r * k).Take(k).Count(p => p > 0));
                var c = Case(seeds, "multinomial", 0, dtype);
                c["rows"] = rows;
                c["probs"] = new JsonArray([.. probs.Select(p => (JsonNode)p)]);
                c["num_samples"] = family == "multinomial_single" ? 1 : replacement ? Length(seeds, 2, 500) : seeds.Int(1, nonZero + 1);
                c["replacement"] = replacement;
                return c;
            }

            case "poisson":
            {
                var c = Case(seeds, "poisson", 0, dtype);
                c["rates"] = Doubles(Length(seeds, 1, 500), () => seeds.Pick(new[] { 0.0, 1e-3, seeds.Double() * 10, 9.99, 10.0, 10 + (seeds.Double() * 100), seeds.Double() * 1e5 }));
                return c;
            }

            case "binomial":
            {
                int n = Length(seeds, 1, 500);
                var c = Case(seeds, "binomial", 0, dtype);
                c["counts"] = Doubles(n, () => seeds.Pick(new[] { 0.0, 1.0, seeds.Int(0, 20), seeds.Int(0, 2000) }));
                c["probs"] = Doubles(n, () => seeds.Pick(new[] { 0.0, 1.0, 0.5, seeds.Double(), seeds.Double() * 1e-3 }));
                return c;
            }

            case "standard_gamma":
            {
                var c = Case(seeds, "standard_gamma", 0, dtype);
                c["alpha"] = Doubles(Length(seeds, 1, 500), () => seeds.Pick(new[] { 1e-3, seeds.Double(), 1.0, 1 + (seeds.Double() * 10), seeds.Double() * 1e4 }));
                return c;
            }

            case "dirichlet":
            {
                int rows = seeds.Int(1, 20), k = seeds.Int(2, 12);
                var c = Case(seeds, "dirichlet", 0, dtype);
                c["rows"] = rows;
                c["alpha"] = Doubles(rows * k, () => seeds.Pick(new[] { 0.1, seeds.Double(), 1.0, 1 + (seeds.Double() * 20) }));
                return c;
            }

            case "exponential_":
            {
                var c = Case(seeds, "exponential_", Length(seeds, 1, 1000), dtype);
                c["lambd"] = seeds.Pick(new[] { 1.0, 0.5, 1e-3, 1e3, Math.Round(seeds.Double() * 10 + 0.01, 3) });
                return c;
            }

            case "geometric_":
            {
                var c = Case(seeds, "geometric_", Length(seeds, 1, 1000), dtype);
                c["p"] = seeds.Pick(new[] { 0.999, 0.5, 1e-3, Math.Round(seeds.Double() * 0.98 + 0.01, 3) });
                return c;
            }

            case "log_normal_":
            {
                var c = Case(seeds, "log_normal_", Length(seeds, 1, 1000), dtype);
                c["mean"] = Math.Round((seeds.Double() - 0.5) * 4, 3);
                c["std"] = Math.Round(seeds.Double() * 2 + 0.01, 3);
                return c;
            }

            case "cauchy_":
            {
                var c = Case(seeds, "cauchy_", Length(seeds, 1, 1000), dtype);
                c["median"] = Math.Round((seeds.Double() - 0.5) * 10, 3);
                c["sigma"] = Math.Round(seeds.Double() * 3 + 0.01, 3);
                return c;
            }

            case "normal_tensor":
            {
                int n = Length(seeds, 1, 1000);
                var c = Case(seeds, "normal_tensor", 0, dtype);
                c["mean"] = Doubles(n, () => Math.Round((seeds.Double() - 0.5) * 20, 3));
                c["std"] = Doubles(n, () => seeds.Pick(new[] { 0.0, 1.0, Math.Round(seeds.Double() * 5, 3) }));
                return c;
            }

            case "kaiming_uniform_":
            case "kaiming_normal_":
            case "xavier_uniform_":
            case "xavier_normal_":
            {
                var c = Case(seeds, family, 0, dtype);
                c["shape"] = seeds.Int(0, 3) switch
                {
                    0 => Ints(seeds.Int(1, 65), seeds.Int(1, 65)),
                    1 => Ints(seeds.Int(1, 17), seeds.Int(1, 9), seeds.Int(1, 6), seeds.Int(1, 6)),
                    _ => Ints(seeds.Int(1, 9), seeds.Int(1, 9), seeds.Int(1, 9)),
                };
                c["a"] = seeds.Pick(new[] { 0.0, Math.Sqrt(5), 0.01 });
                c["gain"] = seeds.Pick(new[] { 1.0, Math.Sqrt(2), 5.0 / 3 });
                return c;
            }

            case "trunc_normal_":
            {
                var c = Case(seeds, "trunc_normal_", Length(seeds, 1, 1000), dtype);
                c["mean"] = Math.Round((seeds.Double() - 0.5) * 2, 3);
                c["std"] = Math.Round(seeds.Double() * 2 + 0.01, 3);
                c["a"] = -2.0;
                c["b"] = seeds.Pick(new[] { 2.0, 0.5 });
                return c;
            }

            case "dropout":
            {
                var c = Case(seeds, "dropout", Length(seeds, 1, 3000), dtype);
                c["p"] = seeds.Pick(new[] { 0.0, 0.1, 0.5, 0.9, 1.0, Math.Round(seeds.Double(), 3) });
                return c;
            }

            case "linear":
            {
                var c = Case(seeds, "linear", 0);
                c["in"] = seeds.Int(1, 65);
                c["out"] = seeds.Int(1, 65);
                return c;
            }

            case "conv2d":
            {
                var c = Case(seeds, "conv2d", 0);
                c["in"] = seeds.Int(1, 9);
                c["out"] = seeds.Int(1, 9);
                c["kernel"] = seeds.Int(1, 6);
                return c;
            }

            default: throw new ArgumentException($"unknown family {family}");
        }
    }
}
