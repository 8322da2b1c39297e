using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// The image exchange with tests/oracles/torchvision_transforms.py: images travel as base64 of their raw bytes with a
/// shape and dtype, transforms as JSON cases (name, torchvision keyword arguments, seed, image index, number of calls).
/// </summary>
internal static class VisionOracle
{
    public const string Script = "torchvision_transforms.py";

    /// <summary>Runs <paramref name="op"/> ("apply" or "get_params") on the cases and returns one result per case.</summary>
    public static JsonArray Run(string op, IReadOnlyList<Tensor> images, IEnumerable<JsonObject> cases)
    {
        var request = new JsonObject
        {
            ["op"] = op,
            ["images"] = new JsonArray(images.Select(i => (JsonNode)Encode(i)).ToArray()),
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)c.DeepClone()).ToArray()),
        };
        return PythonOracle.Run(Script, request)["results"]!.AsArray();
    }

    public static JsonObject Encode(Tensor image)
    {
        using Tensor contiguous = image.contiguous();
        byte[] bytes = contiguous.dtype switch
        {
            ScalarType.Byte => contiguous.data<byte>().ToArray(),
            ScalarType.Float32 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(contiguous.data<float>().ToArray().AsSpan()).ToArray(),
            ScalarType.Float64 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(contiguous.data<double>().ToArray().AsSpan()).ToArray(),
            _ => throw new ArgumentException($"unsupported dtype {contiguous.dtype}"),
        };
        return new JsonObject
        {
            ["shape"] = new JsonArray(image.shape.Select(s => (JsonNode)s).ToArray()),
            ["dtype"] = DtypeName(image.dtype),
            ["data"] = Convert.ToBase64String(bytes),
        };
    }

    public static Tensor Decode(JsonNode node)
    {
        long[] shape = node["shape"]!.AsArray().Select(s => (long)s!).ToArray();
        byte[] bytes = Convert.FromBase64String((string)node["data"]!);
        return (string)node["dtype"]! switch
        {
            "uint8" => tensor(bytes, shape),
            "float32" => tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape),
            "float64" => tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape),
            string other => throw new ArgumentException($"unsupported dtype {other}"),
        };
    }

    public static string DtypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        _ => throw new ArgumentException($"unsupported dtype {dtype}"),
    };

    /// <summary>The SHA-256 of the generator's state, as the oracle hashes <c>torch.get_rng_state()</c>.</summary>
    public static string StateHash(TorchGenerator generator) => Convert.ToHexStringLower(SHA256.HashData(generator.GetState()));

    /// <summary>A random image from the run's seeds: uint8 noise, or float32 noise in [0, 1) when <paramref name="dtype"/> says so.</summary>
    public static Tensor RandomImage(LiveSeeds seeds, long[] shape, ScalarType dtype = ScalarType.Byte)
    {
        TorchSharpNative.EnsureLoaded();
        long n = shape.Aggregate(1L, (a, b) => a * b);
        if (dtype == ScalarType.Byte)
        {
            byte[] bytes = new byte[n];
            for (long i = 0; i < n; i++)
            {
                bytes[i] = (byte)seeds.Int(0, 256);
            }

            return tensor(bytes, shape);
        }

        // Multiples of 2^-12 so that float32 and float64 images hold the same values.
        float[] values = new float[n];
        for (long i = 0; i < n; i++)
        {
            values[i] = seeds.Int(0, 4096) / 4096f;
        }

        using Tensor floats = tensor(values, shape);
        return floats.to_type(dtype);
    }

    /// <summary>The largest absolute difference between two tensors of the same shape, as a double.</summary>
    public static double MaxAbsDiff(Tensor actual, Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        using Tensor a = actual.to_type(ScalarType.Float64);
        using Tensor e = expected.to_type(ScalarType.Float64);
        if (a.numel() == 0)
        {
            return 0;
        }

        using Tensor diff = (a - e).abs().max();
        return diff.item<double>();
    }

    public static string Describe(JsonNode c) => c.ToJsonString().Length > 300 ? c.ToJsonString()[..300] : c.ToJsonString();

    public static double D(JsonNode? node) => double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);

    public static long L(JsonNode? node) => long.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);
}
