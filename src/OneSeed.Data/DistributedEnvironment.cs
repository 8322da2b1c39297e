using System.Collections;
using System.Globalization;

namespace OneSeed.Data;

/// <summary>
/// This process's rank, world size and local rank as the usual launchers set them: <c>torchrun</c>/<c>torch.distributed</c>
/// (<c>RANK</c>, <c>WORLD_SIZE</c>, <c>LOCAL_RANK</c>), Open MPI (<c>OMPI_COMM_WORLD_*</c>), MPICH/Intel MPI
/// (<c>PMI_RANK</c>, <c>PMI_SIZE</c>, <c>MPI_LOCALRANKID</c>) and Slurm (<c>SLURM_PROCID</c>, <c>SLURM_NTASKS</c>, <c>SLURM_LOCALID</c>),
/// checked in that order.
/// </summary>
/// <remarks>
/// The loader never reads the environment by itself: pass <see cref="Rank"/> and <see cref="WorldSize"/> to
/// <see cref="DataLoaderOptions"/>. Shares depend on (rank, world size) only, never on the local rank or the machine.
/// Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class DistributedEnvironment
{
    private static readonly (string Source, string Rank, string World, string Local)[] Launchers =
    [
        ("torchrun", "RANK", "WORLD_SIZE", "LOCAL_RANK"),
        ("Open MPI", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK"),
        ("MPICH/PMI", "PMI_RANK", "PMI_SIZE", "MPI_LOCALRANKID"),
        ("Slurm", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID"),
    ];

    private DistributedEnvironment(int rank, int worldSize, int localRank, string source)
    {
        Rank = rank;
        WorldSize = worldSize;
        LocalRank = localRank;
        Source = source;
    }

    /// <summary>This process's rank, in [0, <see cref="WorldSize"/>).</summary>
    public int Rank { get; }

    /// <summary>The number of processes.</summary>
    public int WorldSize { get; }

    /// <summary>The rank on this machine (0 when the launcher does not say).</summary>
    public int LocalRank { get; }

    /// <summary>Which launcher's variables were read ("torchrun", "Open MPI", "MPICH/PMI", "Slurm").</summary>
    public string Source { get; }

    /// <summary>Reads the process environment; null when no launcher's rank and world-size variables are both set.</summary>
    /// <exception cref="FormatException">A launcher's variables are set but not integers, or the rank is outside [0, world size).</exception>
    public static DistributedEnvironment? FromEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return FromVariables(variables);
    }

    /// <summary>Reads the given variables (for tests and for configuration passed some other way).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> is null.</exception>
    /// <exception cref="FormatException">A launcher's variables are set but not integers, or the rank is outside [0, world size).</exception>
    public static DistributedEnvironment? FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach ((string source, string rankName, string worldName, string localName) in Launchers)
        {
            if (!variables.TryGetValue(rankName, out string? rankText) || !variables.TryGetValue(worldName, out string? worldText))
            {
                continue;
            }

            int world = Parse(worldText, worldName, 1);
            int rank = Parse(rankText, rankName, 0);
            if (rank >= world)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{rankName}={rank} is outside [0, {world}) given {worldName}={world}."));
            }

            int local = variables.TryGetValue(localName, out string? localText) ? Parse(localText, localName, 0) : 0;
            return new DistributedEnvironment(rank, world, local, source);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DistributedEnvironment(rank={Rank}, world={WorldSize}, local={LocalRank}, from {Source})");

    private static int Parse(string text, string name, int minimum) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name}='{SamplerStates.Shorten(text)}' is not an integer ≥ {minimum}."));
}
