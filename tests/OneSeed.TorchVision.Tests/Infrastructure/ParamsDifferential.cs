using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// Compares <c>GetParams</c> with torchvision's static <c>get_params</c> bit for bit: the same cases on both sides,
/// each result flattened to a list of numbers (integers as integers, floats as their float64 bits, None as null,
/// "img" for RandomErasing's no-box answer), and the generator state afterwards.
/// </summary>
internal sealed class ParamsDifferential
{
    public LiveSeeds Seeds { get; } = CreateSeeds();

    public List<Tensor> Images { get; } = [];

    public List<JsonObject> Cases { get; } = [];

    private static LiveSeeds CreateSeeds()
    {
        TorchSharpNative.EnsureLoaded();
        return new LiveSeeds();
    }

    public int AddImage(long[] shape)
    {
        Images.Add(VisionOracle.RandomImage(Seeds, shape));
        return Images.Count - 1;
    }

    /// <summary>Adds a case: torchvision's get_params arguments (the image by index), drawn here by <see cref="GetParamsCalls"/>.</summary>
    public void Add(string transform, JsonObject args, int? image = null, int calls = 1)
    {
        var c = new JsonObject { ["t"] = transform, ["args"] = args, ["seed"] = Seeds.Int(0, int.MaxValue), ["calls"] = calls };
        if (image is { } i)
        {
            c["image"] = i;
        }

        Cases.Add(c);
    }

    public int Run()
    {
        JsonArray results = VisionOracle.Run("get_params", Images, Cases);
        for (int k = 0; k < Cases.Count; k++)
        {
            JsonObject c = Cases[k];
            Tensor? img = c["image"] is { } index ? Images[(int)VisionOracle.L(index)] : null;
            var generator = new TorchGenerator(VisionOracle.L(c["seed"]));
            JsonArray expectedCalls = results[k]!["params"]!.AsArray();
            for (int call = 0; call < expectedCalls.Count; call++)
            {
                List<string> expected = expectedCalls[call]!.AsArray().Select(v => v is null ? "None" : v.ToJsonString().Trim('"')).ToList();
                List<string> actual = GetParamsCalls.Call(c, img, generator);
                Assert.True(expected.SequenceEqual(actual), $"{c["t"]} case {k} call {call}: [{string.Join(", ", actual)}] vs torchvision's [{string.Join(", ", expected)}] for {VisionOracle.Describe(c)} {Seeds.Replay}");
            }

            Assert.True((string)results[k]!["state"]! == VisionOracle.StateHash(generator), $"generator state after {c["t"]}.get_params differs from torch's: case {k} {VisionOracle.Describe(c)} {Seeds.Replay}");
        }

        return Cases.Count;
    }

    public static string F(double value) => BitConverter.DoubleToUInt64Bits(value).ToString(CultureInfo.InvariantCulture);

    public static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string F(double? value) => value is { } v ? F(v) : "None";

    /// <summary>A float tensor's values as float64 bits, an integer tensor's as integers, as the oracle flattens tensors.</summary>
    public static IEnumerable<string> T(Tensor t)
    {
        using Tensor flat = t.reshape(-1);
        if (flat.is_floating_point())
        {
            using Tensor d = flat.to_type(ScalarType.Float64);
            return d.data<double>().ToArray().Select(F).ToList();
        }

        using Tensor l = flat.to_type(ScalarType.Int64);
        return l.data<long>().ToArray().Select(I).ToList();
    }
}
