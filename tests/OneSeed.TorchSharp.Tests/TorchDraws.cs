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
            _ => throw new ArgumentException($"unknown draw kind {kind}"),
        };
        return t.dtype switch
        {
            torch.ScalarType.Float32 => t.data<float>().ToArray().Select(v => (long)BitConverter.SingleToUInt32Bits(v)).ToArray(),
            torch.ScalarType.Float64 => t.data<double>().ToArray().Select(v => (long)BitConverter.DoubleToUInt64Bits(v)).ToArray(),
            _ => t.data<long>().ToArray(),
        };
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

    private static torch.Tensor BernoulliTensor(long n, double p, torch.ScalarType dtype)
    {
        using torch.Tensor probabilities = torch.full([n], p, dtype);
        return torch.bernoulli(probabilities);
    }
}
