using System.Buffers.Binary;
using TorchSharp;

namespace OneSeed.TorchSharp;

/// <summary>
/// Seeds TorchSharp's generators and captures and restores their state: the .NET form of
/// <c>torch.manual_seed(s)</c> + <c>torch.cuda.manual_seed_all(s)</c> and <c>torch.get_rng_state()</c> /
/// <c>torch.set_rng_state(...)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every member first calls <see cref="TorchSharpNative.EnsureLoaded"/>. TorchSharp 0.107's own
/// <c>torch.manual_seed</c> seeds only the CPU generator; <see cref="ManualSeed"/> also seeds every CUDA device
/// when CUDA is available. TorchSharp 0.107 exposes no way to read or write a CUDA generator's state, so only the
/// CPU state can be captured and restored (docs/torchsharp.md).
/// </para>
/// <para>
/// Reproducibility tier: <em>stable within a major version</em> of libtorch: the CPU generator's state layout and
/// the raw stream are torch's (and equal PyTorch 1.13's); which draws consume the stream how is libtorch's choice
/// and has changed between versions for some draws (docs/torchsharp.md has the table).
/// </para>
/// </remarks>
public static class TorchSharpRandom
{
    /// <summary>The size in bytes of torch's CPU generator state (<c>CPUGeneratorImplState</c>).</summary>
    public const int CpuStateSize = 5056;

    private const int MersenneStateN = 624;

    /// <summary>
    /// Seeds TorchSharp's default CPU generator and, when CUDA is available, the default generator of every CUDA
    /// device, as <c>torch.manual_seed(seed)</c> does in PyTorch. Every <see cref="long"/> is accepted; torch
    /// reinterprets it as an unsigned 64-bit seed.
    /// </summary>
    /// <param name="seed">The seed.</param>
    public static void ManualSeed(long seed)
    {
        TorchSharpNative.EnsureLoaded();
#pragma warning disable ONESEED007 // this is the seeding ONESEED007 asks for: Seed.Everything reaches TorchSharp through here, and CUDA is seeded below
        using (torch.random.manual_seed(seed))
        {
        }
#pragma warning restore ONESEED007

        if (torch.cuda.is_available())
        {
            torch.cuda.manual_seed_all(seed);
        }
    }

    /// <summary>The seed the default CPU generator was last seeded with (<c>torch.initial_seed()</c>).</summary>
    public static long InitialSeed
    {
        get
        {
            TorchSharpNative.EnsureLoaded();
            return torch.random.initial_seed();
        }
    }

    /// <summary>Whether TorchSharp sees a usable CUDA device (<c>torch.cuda.is_available()</c>).</summary>
    public static bool IsCudaAvailable
    {
        get
        {
            TorchSharpNative.EnsureLoaded();
            return torch.cuda.is_available();
        }
    }

    /// <summary>The number of CUDA devices (0 without CUDA).</summary>
    public static int CudaDeviceCount
    {
        get
        {
            TorchSharpNative.EnsureLoaded();
            return torch.cuda.is_available() ? torch.cuda.device_count() : 0;
        }
    }

    /// <summary>
    /// The default CPU generator's state, byte for byte what <c>torch.get_rng_state()</c> returns in PyTorch
    /// (<see cref="CpuStateSize"/> bytes): a state from either side continues the same stream on the other.
    /// </summary>
    public static byte[] GetCpuState()
    {
        TorchSharpNative.EnsureLoaded();
        using torch.Generator generator = torch.Generator.Default;
        using torch.Tensor state = generator.get_state();
        return state.data<byte>().ToArray();
    }

    /// <summary>
    /// Restores the default CPU generator's state from <see cref="GetCpuState"/> or PyTorch's
    /// <c>torch.get_rng_state()</c> (as <c>bytes(state.tolist())</c> / <c>state.numpy().tobytes()</c>).
    /// </summary>
    /// <param name="state">A <see cref="CpuStateSize"/>-byte torch CPU generator state.</param>
    /// <exception cref="ArgumentException">
    /// The state has the wrong size or is not a valid MT19937 state (seeded flag, <c>left</c> in 1..624, <c>next</c>
    /// in 0..624); the generator is left unchanged. These are the checks libtorch itself would make, done here
    /// because TorchSharp 0.107 does not catch libtorch's error on this path.
    /// </exception>
    public static void SetCpuState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ValidateCpuState(state);
        TorchSharpNative.EnsureLoaded();
        using torch.Tensor tensor = torch.tensor(state, torch.ScalarType.Byte);
        using torch.Generator generator = torch.Generator.Default;
        generator.set_state(tensor);
    }

    internal static void ValidateCpuState(ReadOnlySpan<byte> state)
    {
        if (state.Length != CpuStateSize)
        {
            throw new ArgumentException($"A torch CPU generator state has {CpuStateSize} bytes; got {state.Length}.", nameof(state));
        }

        // CPUGeneratorImplStateLegacy: u64 the_initial_seed, i32 left, i32 seeded, u64 next, u64 state[624], ...
        int left = BinaryPrimitives.ReadInt32LittleEndian(state[8..]);
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(state[12..]);
        ulong next = BinaryPrimitives.ReadUInt64LittleEndian(state[16..]);
        if (seeded == 0 || left is < 1 or > MersenneStateN || next > MersenneStateN)
        {
            throw new ArgumentException(
                $"Not a valid torch CPU generator state: seeded={seeded} (must be non-zero), left={left} (1..{MersenneStateN}), next={next} (0..{MersenneStateN}).",
                nameof(state));
        }
    }
}
