using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Seeding;
using OneSeed.Tests.Runtime;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// Bit-exact on every CPU: every bulk path (engines, distributions, façades, torch's vectorised normal kernel,
/// log1p) gives the same bytes in a child process with hardware intrinsics switched off, or only AVX2 or AVX-512
/// switched off (the runtime then takes the 128-bit or scalar fallbacks), as in this process with every intrinsic on.
/// </summary>
public sealed class IntrinsicsParityTests
{
    public static TheoryData<string, string> Configurations() => new()
    {
        // No SIMD at all and no BMI2/FMA instructions: the software fallbacks and the JIT's scalar code.
        { "DOTNET_EnableHWIntrinsic", "vector128" },
        // SSE/AVX only: every Vector256/Avx2 path must fall back.
        { "DOTNET_EnableAVX2", "avx2" },
        // Where the CPU has AVX-512, the 256-bit paths must give the bits of the 512-bit ones. .NET 10 reads this knob
        // (one switch for F/BW/CD/DQ/VL); .NET 8's DOTNET_EnableAVX512F is ignored there.
        { "DOTNET_EnableAVX512", "avx512f" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_bulk_path_gives_the_same_bytes_with_an_instruction_set_switched_off(string variable, string feature)
    {
        (int exitCode, string output, string errors) = ChildProcess.Run(new Dictionary<string, string?> { [variable] = "0" }, "parity-digest");
        Assert.True(exitCode == 0, $"child failed ({exitCode}): {errors}");
        JsonNode child = JsonNode.Parse(output)!;

        // The child really ran without the feature (otherwise this test would prove nothing about it).
        Assert.False((bool)child[feature]!, $"{variable}=0 did not disable {feature} in the child.");
        Assert.True(Vector128.IsHardwareAccelerated, "this process should run with intrinsics, to compare against");
        Assert.Equal(Digest(), (string)child["digest"]!);
    }

    /// <summary>The instruction sets this process sees, for the child's report.</summary>
    internal static JsonObject Features() => new()
    {
        ["vector128"] = Vector128.IsHardwareAccelerated,
        ["avx2"] = System.Runtime.Intrinsics.X86.Avx2.IsSupported,
        ["avx512f"] = System.Runtime.Intrinsics.X86.Avx512F.IsSupported,
    };

    /// <summary>SHA-256 over the bytes of every bulk path, from fixed seeds.</summary>
    internal static string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add<T>(ReadOnlySpan<T> values)
            where T : unmanaged => hash.AppendData(MemoryMarshal.AsBytes(values));

        foreach (string name in BitGenerators.Names)
        {
            BitGenerator e = BitGenerators.Create(name, 20251125);
            ulong[] words = new ulong[1001];
            uint[] halves = new uint[1001];
            double[] doubles = new double[5003];
            e.Fill(words);
            e.Fill(halves);
            e.Fill(doubles);
            Add<ulong>(words);
            Add<uint>(halves);
            Add<double>(doubles);
            StandardNormal.Fill(e, doubles);
            Add<double>(doubles);
            StandardExponential.Fill(e, doubles);
            Add<double>(doubles);
            foreach (ulong rng in new ulong[] { 999, uint.MaxValue, (1UL << 40) - 1, ulong.MaxValue - 5 })
            {
                BoundedIntegers.Fill(e, 3, rng, useMasked: false, words);
                Add<ulong>(words);
                BoundedIntegers.Fill(e, 3, rng, useMasked: true, words);
                Add<ulong>(words);
            }

            Add<long>(FisherYates.Permutation(e, 1000));

            // Lengths over several vector chunks and buffers, none a multiple of a vector width.
            ulong[] longWords = new ulong[70_001];
            double[] longDoubles = new double[70_001];
            e.Fill(longWords);
            Add<ulong>(longWords);
            e.Fill(longDoubles);
            Add<double>(longDoubles);
            StandardNormal.Fill(e, longDoubles);
            Add<double>(longDoubles);
            BoundedIntegers.Fill(e, 0, 999, useMasked: false, longWords);
            Add<ulong>(longWords);
            Add<long>(FisherYates.Permutation(e, 70_001));
            Add<long>(new NumPyGenerator(e).Choice(50, 20, replace: false, p: [.. Enumerable.Repeat(0.02, 50)]));
        }

        var legacy = new NumPyRandomState(7);
        Add<double>(legacy.StandardNormal(1001));
        Add<long>(legacy.RandInt(-5, 1 << 20, 1000));
        var python = new PythonRandom(7);
        Add<double>([.. Enumerable.Range(0, 101).Select(_ => python.Gauss())]);
        Add<int>(python.Sample(Enumerable.Range(0, 1000).ToArray(), 100));
        var torch = new TorchGenerator(7);
        Add<float>(torch.Rand(1000));
        Add<double>(torch.RandDouble(1000));
        Add<float>(torch.Randn(15));
        Add<float>(torch.Randn(1001));
        Add<double>(torch.RandnDouble(15));
        Add<double>(torch.RandnDouble(1001));
        Add<float>(torch.Normal(2.5, 0.5, 33));
        Add<float>(torch.Uniform(-3, 7, 33));
        Add<long>(torch.RandPerm(1000));
        Add<double>([.. Enumerable.Range(0, 10000).Select(i => FdlibmMath.Log1p(-i / 10000.0))]);
        Add<uint>(new SeedSequence(BigInteger.Pow(3, 100)).Derive("parity", 1, 2).GenerateState(16));
        Add<ulong>([StableHash.Hash64("parity"), new Mt19937(5).Jumped(2).NextUInt64()]);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
