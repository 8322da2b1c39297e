using System.Text;
using System.Text.Json;

namespace OneSeed.TorchSharp;

/// <summary>
/// TorchSharp's generators as a OneSeed <see cref="IRandomStateSource"/> named <c>torchsharp</c>: once registered
/// (<see cref="OneSeedTorchSharp.Register"/>), <see cref="OneSeed.Seed.Everything(uint)"/> seeds TorchSharp as
/// <c>torch.manual_seed(s)</c> does in PyTorch (CPU generator and every CUDA device), <see cref="OneSeed.Seed.Isolate"/> restores
/// the CPU generator, and <see cref="RngSnapshot"/> saves it.
/// </summary>
/// <remarks>
/// <para>
/// Seeding: the root seed itself (<c>torch.manual_seed(s)</c>), so that <c>torch.rand(3)</c> after
/// <c>Seed.Everything(s)</c> equals PyTorch's after <c>torch.manual_seed(s)</c>.
/// </para>
/// <para>
/// State (version 1): <c>{"format": "oneseed.torchsharp", "version": 1, "cpu": "&lt;Base64&gt;"}</c>, where <c>cpu</c> is
/// the 5056-byte CPU generator state of <c>torch.get_rng_state()</c>; in PyTorch,
/// <c>torch.set_rng_state(torch.frombuffer(bytearray(base64.b64decode(s["cpu"])), dtype=torch.uint8))</c> continues the
/// same stream. CUDA generators are seeded but not captured: TorchSharp 0.107 exposes no way to read or write a CUDA
/// generator's state, so <see cref="OneSeed.Seed.Isolate"/> and snapshots cannot put CUDA streams back (docs/torchsharp.md).
/// </para>
/// <para>
/// Reproducibility tier: the seeding is <b>stable</b>; the state format is <b>stable within a major version</b>
/// (versioned; other versions are refused); which values a draw gives is libtorch's (docs/torchsharp.md).
/// </para>
/// </remarks>
public sealed class TorchSharpStateSource : IRandomStateSource
{
    /// <summary>The source's name in the runtime and in snapshot files.</summary>
    public const string SourceName = "torchsharp";

    /// <summary>The <c>format</c> entry of the state document.</summary>
    public const string StateFormat = "oneseed.torchsharp";

    /// <summary>The state document's version this release writes and reads.</summary>
    public const int StateVersion = 1;

    private TorchSharpStateSource()
    {
    }

    /// <summary>The one instance (TorchSharp's generators are process-wide).</summary>
    public static TorchSharpStateSource Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <summary>Seeds TorchSharp's CPU generator and every CUDA device with <paramref name="rootSeed"/> (<see cref="TorchSharpRandom.ManualSeed"/>).</summary>
    /// <param name="rootSeed">The run's root seed.</param>
    public void Seed(uint rootSeed) => TorchSharpRandom.ManualSeed(rootSeed);

    /// <summary>The CPU generator's state as a version 1 document (see the type's remarks).</summary>
    public string CaptureState()
    {
        byte[] cpu = TorchSharpRandom.GetCpuState();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("format", StateFormat);
            writer.WriteNumber("version", StateVersion);
            writer.WriteBase64String("cpu", cpu);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Throws <see cref="FormatException"/> (changing nothing) if <paramref name="state"/> is not a valid version 1 document.</summary>
    /// <param name="state">A document from <see cref="CaptureState"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="FormatException">The document is malformed, of another format or version, or holds an invalid generator state.</exception>
    public void ValidateState(string state) => _ = Parse(state);

    /// <summary>Puts the CPU generator's state back; the next CPU draws are those that followed the capture.</summary>
    /// <param name="state">A document from <see cref="CaptureState"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="FormatException">As <see cref="ValidateState"/>; the generator is left unchanged.</exception>
    public void RestoreState(string state) => TorchSharpRandom.SetCpuState(Parse(state));

    /// <inheritdoc/>
    public override string ToString() => SourceName;

    internal static byte[] Parse(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(state);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {SourceName} state is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"The {SourceName} state must be a JSON object; got {root.ValueKind}.");
            }

            if (!root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != StateFormat)
            {
                throw new FormatException($"The {SourceName} state's 'format' must be \"{StateFormat}\".");
            }

            if (!root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int v) || v != StateVersion)
            {
                throw new FormatException($"The {SourceName} state's 'version' must be {StateVersion} (the version this release reads); got {(root.TryGetProperty("version", out JsonElement got) ? got.GetRawText() : "none")}.");
            }

            if (!root.TryGetProperty("cpu", out JsonElement cpuElement) || cpuElement.ValueKind != JsonValueKind.String
                || !cpuElement.TryGetBytesFromBase64(out byte[]? cpu))
            {
                throw new FormatException($"The {SourceName} state's 'cpu' must be a Base64 string.");
            }

            try
            {
                TorchSharpRandom.ValidateCpuState(cpu);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"The {SourceName} state's 'cpu' entry: {e.Message}", e);
            }

            return cpu;
        }
    }
}
