using System.Text.Json.Nodes;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Tests.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Data;

/// <summary>
/// <see cref="TensorCollate"/> against torch 1.13's <c>default_collate</c> on fresh nested samples (tensors, numbers,
/// strings, dictionaries, tuples, lists), and <see cref="SampleContext.TorchRng"/> against its documented Python recipe.
/// </summary>
public sealed class TensorCollateTests
{
    private static readonly string[] DtypeNames = ["uint8", "float32", "float64", "int64"];

    [Fact]
    public void Default_equals_torchs_default_collate_on_fresh_nested_samples()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        var cases = new List<JsonObject>();
        var ours = new List<JsonNode>();
        for (int i = 0; i < 150; i++)
        {
            JsonObject schema = Schema(seeds, depth: 0);
            int batch = seeds.Int(1, 6);
            JsonArray samples = [.. Enumerable.Range(0, batch).Select(_ => (JsonNode)Sample(schema, seeds))];
            cases.Add(new JsonObject { ["samples"] = samples });
            object[] built = [.. samples.Select(s => Build(s!))];
            ours.Add(Describe(TensorCollate.Default(built)));
        }

        JsonArray expected = PolicyCases.Ask("collate", cases);
        for (int i = 0; i < cases.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], ours[i]), $"case {cases[i].ToJsonString()}: torch {expected[i]!.ToJsonString()}, ours {ours[i].ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void SampleContext_TorchRng_equals_its_documented_python_recipe()
    {
        var seeds = new LiveSeeds();
        var cases = Enumerable.Range(0, 40).Select(_ => new JsonObject
        {
            ["seed"] = seeds.Int64(0, long.MaxValue), ["epoch"] = seeds.Int(0, 1000), ["index"] = seeds.Int(0, int.MaxValue), ["n"] = seeds.Int(1, 700),
        }).ToList();
        JsonArray expected = PolicyCases.Ask("sample_torch_rng", cases);
        for (int i = 0; i < cases.Count; i++)
        {
            JsonObject c = cases[i];
            var context = new SampleContext((ulong)(long)c["seed"]!, (int)c["epoch"]!, (int)c["index"]!);
            Assert.Equal(expected[i]!.AsArray().Select(v => (uint)v!), context.TorchRng.Rand((int)c["n"]!).Select(BitConverter.SingleToUInt32Bits));
        }
    }

    [Fact]
    public void Stack_overloads_stack_and_refuse_empty_or_ragged_batches()
    {
        TorchSharpNative.EnsureLoaded();
        using Tensor a = tensor(new float[] { 1, 2 });
        using Tensor b = tensor(new float[] { 3, 4 });
        using Tensor stacked = TensorCollate.Stack([a, b]);
        Assert.Equal([2L, 2L], stacked.shape);
        Assert.Equal([1f, 2f, 3f, 4f], stacked.data<float>().ToArray());
        (Tensor first, Tensor second) = TensorCollate.Stack([(a, b), (b, a)]);
        Assert.Equal([1f, 2f, 3f, 4f], first.data<float>().ToArray());
        Assert.Equal([3f, 4f, 1f, 2f], second.data<float>().ToArray());
        Dictionary<string, Tensor> dict = TensorCollate.Stack([new Dictionary<string, Tensor> { ["x"] = a }, new Dictionary<string, Tensor> { ["x"] = b }]);
        Assert.Equal([2L, 2L], dict["x"].shape);

        using Tensor c = tensor(new float[] { 1, 2, 3 });
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => TensorCollate.Stack([a, c])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => TensorCollate.Stack(Array.Empty<Tensor>())).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => TensorCollate.Stack([new Dictionary<string, Tensor> { ["x"] = a }, new Dictionary<string, Tensor> { ["y"] = b }])).ParamName);
        Assert.Throws<ArgumentException>(() => TensorCollate.Default(new object[] { 1L, "x" }));
        Assert.Throws<ArgumentException>(() => TensorCollate.Default(new object[] { new object() }));
    }

    private static JsonObject Schema(LiveSeeds seeds, int depth)
    {
        int kind = depth >= 2 ? seeds.Int(0, 5) : seeds.Int(0, 8);
        return kind switch
        {
            0 or 1 => new JsonObject { ["t"] = "tensor", ["dtype"] = seeds.Pick(DtypeNames), ["shape"] = new JsonArray([.. Enumerable.Range(0, seeds.Int(0, 3)).Select(_ => (JsonNode)seeds.Int(1, 4))]) },
            2 => new JsonObject { ["t"] = seeds.Pick(["float", "int", "bool"]) },
            3 => new JsonObject { ["t"] = "int" },
            4 => new JsonObject { ["t"] = "str" },
            5 => new JsonObject { ["t"] = "dict", ["items"] = new JsonObject(Enumerable.Range(0, seeds.Int(1, 4)).Select(k => KeyValuePair.Create($"k{k}", (JsonNode?)Schema(seeds, depth + 1)))) },
            6 => new JsonObject { ["t"] = "tuple", ["items"] = new JsonArray([.. Enumerable.Range(0, seeds.Int(2, 4)).Select(_ => (JsonNode)Schema(seeds, depth + 1))]) },
            _ => new JsonObject { ["t"] = "list", ["items"] = new JsonArray([.. Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => (JsonNode)Schema(seeds, depth + 1))]) },
        };
    }

    private static JsonObject Sample(JsonObject schema, LiveSeeds seeds)
    {
        var s = (JsonObject)schema.DeepClone();
        switch ((string)schema["t"]!)
        {
            case "tensor":
                long count = schema["shape"]!.AsArray().Aggregate(1L, (p, d) => p * (long)PolicyCases.Number(d!));
                bool floating = ((string)schema["dtype"]!).StartsWith("float", StringComparison.Ordinal);
                s["data"] = new JsonArray([.. Enumerable.Range(0, (int)count).Select(_ => floating ? (JsonNode)(seeds.Int(-1000, 1000) / 8.0) : seeds.Int(0, 256))]);
                break;
            case "float":
                s["v"] = seeds.Double() * 100 - 50;
                break;
            case "int":
                s["v"] = seeds.Int64(-1L << 40, 1L << 40);
                break;
            case "bool":
                s["v"] = seeds.Bool();
                break;
            case "str":
                s["v"] = $"s{seeds.Int(0, 100)}";
                break;
            case "dict":
                s["items"] = new JsonObject(schema["items"]!.AsObject().Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Sample(kv.Value!.AsObject(), seeds))));
                break;
            default:
                s["items"] = new JsonArray([.. schema["items"]!.AsArray().Select(item => (JsonNode)Sample(item!.AsObject(), seeds))]);
                break;
        }

        return s;
    }

    private static object Build(JsonNode d)
    {
        switch ((string)d["t"]!)
        {
            case "tensor":
                long[] shape = [.. d["shape"]!.AsArray().Select(v => (long)PolicyCases.Number(v!))];
                double[] data = [.. d["data"]!.AsArray().Select(v => PolicyCases.Number(v!))];
                ScalarType dtype = (string)d["dtype"]! switch { "uint8" => ScalarType.Byte, "float32" => ScalarType.Float32, "float64" => ScalarType.Float64, _ => ScalarType.Int64 };
                return tensor(data, shape, ScalarType.Float64).to(dtype);
            case "float":
                return PolicyCases.Number(d["v"]!);
            case "int":
                return (long)PolicyCases.Number(d["v"]!);
            case "bool":
                return (bool)d["v"]!;
            case "str":
                return (string)d["v"]!;
            case "dict":
                return d["items"]!.AsObject().ToDictionary(kv => kv.Key, kv => Build(kv.Value!));
            case "tuple":
                object[] items = [.. d["items"]!.AsArray().Select(v => Build(v!))];
                return items.Length == 2 ? (items[0], items[1]) : (items[0], items[1], items[2]);
            default:
                return d["items"]!.AsArray().Select(v => Build(v!)).ToList();
        }
    }

    private static JsonNode Describe(object value) => value switch
    {
        Tensor t => DescribeTensor(t),
        List<string> strings => new JsonObject { ["t"] = "list", ["items"] = new JsonArray([.. strings.Select(s => (JsonNode)new JsonObject { ["t"] = "str", ["v"] = s })]) },
        Dictionary<object, object> dict => new JsonObject { ["t"] = "dict", ["items"] = new JsonObject(dict.Select(kv => KeyValuePair.Create((string)kv.Key, (JsonNode?)Describe(kv.Value)))) },
        object[] list => new JsonObject { ["t"] = "list", ["items"] = new JsonArray([.. list.Select(Describe)]) },
        _ => throw new InvalidOperationException($"unexpected collate output {value.GetType()}"),
    };

    private static JsonObject DescribeTensor(Tensor t)
    {
        using Tensor flat = t.contiguous().flatten();
        JsonArray data = t.dtype switch
        {
            ScalarType.Float32 => [.. flat.data<float>().ToArray().Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))],
            ScalarType.Float64 => [.. flat.data<double>().ToArray().Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))],
            ScalarType.Bool => [.. flat.data<bool>().ToArray().Select(v => (JsonNode)(v ? 1 : 0))],
            ScalarType.Byte => [.. flat.data<byte>().ToArray().Select(v => (JsonNode)(int)v)],
            _ => [.. flat.data<long>().ToArray().Select(v => (JsonNode)v)],
        };
        string dtype = t.dtype switch { ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Bool => "bool", ScalarType.Byte => "uint8", _ => "int64" };
        return new JsonObject { ["t"] = "tensor", ["dtype"] = dtype, ["shape"] = new JsonArray([.. t.shape.Select(d => (JsonNode)d)]), ["data"] = data };
    }
}
