using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;
using TorchSharp;

namespace OneSeed.TorchSharp.Tests;

/// <summary>
/// The TorchSharp side of tests/oracles/torch_draws.py: the same draw, described by the same JSON case, with
/// floats returned as their IEEE bits so both sides compare bit for bit.
/// </summary>
internal static class TorchDraws
{
    public static long[] Draw(JsonNode c)
    {
        string kind = (string)c["kind"]!;
        long n = L(c["n"]);
        bool f64 = (string?)c["dtype"] == "float64";
        torch.ScalarType dtype = f64 ? torch.ScalarType.Float64 : torch.ScalarType.Float32;
        using torch.Tensor t = kind switch
        {
            "rand" => torch.rand([n], dtype),
            "randn" => torch.randn([n], dtype),
            "randint" => torch.randint(L(c["low"]), L(c["high"]), [n], torch.ScalarType.Int64),
            "randperm" => torch.randperm(n, torch.ScalarType.Int64),
            "bernoulli_tensor" => BernoulliTensor(n, D(c["p"]), dtype),
            "bernoulli_scalar" => torch.empty([n], dtype).bernoulli_(D(c["p"])),
            "normal_" => torch.empty([n], dtype).normal_(D(c["mean"]), D(c["std"])),
            "uniform_" => torch.empty([n], dtype).uniform_(D(c["a"]), D(c["b"])),
            "random_" => torch.empty([n], torch.ScalarType.Int64).random_(L(c["low"]), L(c["high"])),
            _ => Sampler(c, kind, n, dtype),
        };
        return t.dtype switch
        {
            torch.ScalarType.Float32 => t.data<float>().ToArray().Select(v => (long)BitConverter.SingleToUInt32Bits(v)).ToArray(),
            torch.ScalarType.Float64 => t.data<double>().ToArray().Select(v => (long)BitConverter.DoubleToUInt64Bits(v)).ToArray(),
            _ => t.data<long>().ToArray(),
        };
    }

    /// <summary>
    /// Fresh cases of one family of <see cref="DrawCases"/> (all of one dtype when <paramref name="dtype"/> is given) and
    /// torch 1.13's draws for them, after loading TorchSharp's native library.
    /// </summary>
    public static (List<JsonObject> Cases, JsonArray Results, LiveSeeds Seeds) Ask(string family, int count, string? dtype = null)
    {
        var (cases, seeds) = Cases(family, count, dtype);
        return (cases, Torch113(cases), seeds);
    }

    /// <summary>Fresh cases as <see cref="Ask"/> makes them, without asking torch (for tests that change them first).</summary>
    public static (List<JsonObject> Cases, LiveSeeds Seeds) Cases(string family, int count, string? dtype = null)
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        List<JsonObject> cases = DrawCases.Family(family, seeds, count);
        if (dtype is not null)
        {
            cases.ForEach(c => c["dtype"] = dtype);
        }

        return (cases, seeds);
    }

    /// <summary>torch 1.13's draws for the cases (tests/oracles/torch_draws.py, op "draws"), one answer per case.</summary>
    public static JsonArray Torch113(IEnumerable<JsonObject> cases)
    {
        var request = new JsonObject { ["op"] = "draws", ["cases"] = new JsonArray(cases.Select(c => (JsonNode)c.DeepClone()).ToArray()) };
        return PythonOracle.Run("torch_draws.py", request)["results"]!.AsArray();
    }

    /// <summary>The case's draw from TorchSharp after <c>TorchSharpRandom.ManualSeed</c> of its seed.</summary>
    public static long[] DrawSeeded(JsonObject c)
    {
        TorchSharpRandom.ManualSeed(L(c["seed"]));
        return Draw(c);
    }

    /// <summary>Python's JSON answer for one case, in the same representation as <see cref="Draw"/>.</summary>
    public static long[] FromJson(JsonNode? node) => node!.AsArray().Select(v =>
    {
        // Float bits arrive as unsigned integers, int64 values as signed ones: both map onto the same 64 bits.
        System.Numerics.BigInteger b = JsonAssert.ToBig(v);
        return b > long.MaxValue ? unchecked((long)(ulong)b) : (long)b;
    }).ToArray();

    /// <summary>A JSON number as long, whatever CLR type the node was built from.</summary>
    public static long L(JsonNode? node) => long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static double D(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The samplers of issue 21, as tests/oracles/torch_draws.py's <c>sampler</c> draws them.</summary>
    private static torch.Tensor Sampler(JsonNode c, string kind, long n, torch.ScalarType dtype)
    {
        torch.Tensor T(string key) => torch.tensor(Ds(c[key]), dtype);
        long[] Shape() => c["shape"]!.AsArray().Select(L).ToArray();
        switch (kind)
        {
            case "multinomial":
            {
                using torch.Tensor probs = T("probs").reshape(L(c["rows"]), -1);
                using torch.Tensor drawn = torch.multinomial(probs, L(c["num_samples"]), (bool)c["replacement"]!);
                return drawn.reshape(-1);
            }

            case "poisson": return Using(T("rates"), r => torch.poisson(r));
            case "binomial":
            {
                using torch.Tensor counts = T("counts"), probs = T("probs");
                return torch.binomial(counts, probs);
            }

            case "standard_gamma": return Using(T("alpha"), a => torch._standard_gamma(a));
            case "dirichlet":
            {
                using torch.Tensor alpha = T("alpha").reshape(L(c["rows"]), -1);
                using torch.Tensor drawn = torch._sample_dirichlet(alpha);
                return drawn.reshape(-1);
            }

            case "exponential_": return torch.empty([n], dtype).exponential_(D(c["lambd"]));
            case "geometric_": return torch.empty([n], dtype).geometric_(D(c["p"]));
            case "log_normal_": return torch.empty([n], dtype).log_normal_(D(c["mean"]), D(c["std"]));
            case "cauchy_": return torch.empty([n], dtype).cauchy_(D(c["median"]), D(c["sigma"]));
            case "normal_tensor":
            {
                using torch.Tensor mean = T("mean"), std = T("std");
                return torch.normal(mean, std);
            }

            case "kaiming_uniform_": return Flat(torch.nn.init.kaiming_uniform_(torch.empty(Shape(), dtype), D(c["a"])));
            case "kaiming_normal_": return Flat(torch.nn.init.kaiming_normal_(torch.empty(Shape(), dtype), D(c["a"])));
            case "xavier_uniform_": return Flat(torch.nn.init.xavier_uniform_(torch.empty(Shape(), dtype), D(c["gain"])));
            case "xavier_normal_": return Flat(torch.nn.init.xavier_normal_(torch.empty(Shape(), dtype), D(c["gain"])));
            case "trunc_normal_": return torch.nn.init.trunc_normal_(torch.empty([n], dtype), D(c["mean"]), D(c["std"]), D(c["a"]), D(c["b"]));
            case "dropout":
            {
                using torch.Tensor x = torch.arange(1, n + 1, dtype: dtype);
                return torch.nn.functional.dropout(x, D(c["p"]), training: true);
            }

            case "linear":
            {
                using var layer = torch.nn.Linear(L(c["in"]), L(c["out"]));
                using torch.Tensor weight = layer.weight!.detach().reshape(-1), bias = layer.bias!.detach();
                return torch.cat([weight, bias]);
            }

            case "conv2d":
            {
                using var layer = torch.nn.Conv2d(L(c["in"]), L(c["out"]), L(c["kernel"]));
                using torch.Tensor weight = layer.weight!.detach().reshape(-1), bias = layer.bias!.detach();
                return torch.cat([weight, bias]);
            }

            default: throw new ArgumentException($"unknown draw kind {kind}");
        }
    }

    private static double[] Ds(JsonNode? node) => node!.AsArray().Select(D).ToArray();

    private static torch.Tensor Using(torch.Tensor input, Func<torch.Tensor, torch.Tensor> draw)
    {
        using (input)
        {
            return draw(input);
        }
    }

    private static torch.Tensor Flat(torch.Tensor t)
    {
        using (t)
        {
            return t.reshape(-1);
        }
    }

    private static torch.Tensor BernoulliTensor(long n, double p, torch.ScalarType dtype)
    {
        using torch.Tensor probabilities = torch.full([n], p, dtype);
        return torch.bernoulli(probabilities);
    }
}
