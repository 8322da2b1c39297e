using OneSeed.Data;

namespace OneSeed.Data.Tests;

public sealed class DistributedEnvironmentTests
{
    [Fact]
    public void Launcher_variables_are_read_in_order_and_validated()
    {
        Assert.Null(DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["RANK"] = "1" }));

        var torch = DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["RANK"] = "3", ["WORLD_SIZE"] = "4", ["LOCAL_RANK"] = "1", ["SLURM_PROCID"] = "0", ["SLURM_NTASKS"] = "2" })!;
        Assert.Equal((3, 4, 1, "torchrun"), (torch.Rank, torch.WorldSize, torch.LocalRank, torch.Source));

        var mpi = DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["OMPI_COMM_WORLD_RANK"] = "2", ["OMPI_COMM_WORLD_SIZE"] = "8" })!;
        Assert.Equal((2, 8, 0, "Open MPI"), (mpi.Rank, mpi.WorldSize, mpi.LocalRank, mpi.Source));

        var pmi = DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["PMI_RANK"] = "0", ["PMI_SIZE"] = "1", ["MPI_LOCALRANKID"] = "0" })!;
        Assert.Equal("MPICH/PMI", pmi.Source);

        var slurm = DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["SLURM_PROCID"] = "5", ["SLURM_NTASKS"] = "6", ["SLURM_LOCALID"] = "1" })!;
        Assert.Equal((5, 6, 1, "Slurm"), (slurm.Rank, slurm.WorldSize, slurm.LocalRank, slurm.Source));

        Assert.Contains("RANK=4", Assert.Throws<FormatException>(() => DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["RANK"] = "4", ["WORLD_SIZE"] = "4" })).Message, StringComparison.Ordinal);
        Assert.Contains("WORLD_SIZE", Assert.Throws<FormatException>(() => DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["RANK"] = "0", ["WORLD_SIZE"] = "x" })).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DistributedEnvironment.FromVariables(new Dictionary<string, string> { ["RANK"] = "-1", ["WORLD_SIZE"] = "2" }));
    }
}
