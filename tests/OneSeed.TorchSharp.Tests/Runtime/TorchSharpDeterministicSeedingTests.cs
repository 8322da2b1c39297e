namespace OneSeed.TorchSharp.Tests.Runtime;

/// <summary>Seed.Everything(s, deterministic: true): the switches go on and the seeding is the same as without them.</summary>
public class TorchSharpDeterministicSeedingTests
{
    [Fact]
    public void Everything_with_deterministic_turns_the_switches_on_and_seeds_as_usual()
    {
        TorchSharpRandom.ManualSeed(4242);
        string expected = TorchSharpStateSource.Instance.CaptureState();
        try
        {
            Assert.Equal(4242u, Seed.Everything(4242u, deterministic: true));
            Assert.True(TorchSharpDeterminism.DeterministicAlgorithmsEnabled);
            Assert.False(TorchSharpDeterminism.DeterministicAlgorithmsWarnOnly);
            Assert.True(TorchSharpDeterminism.CuDnnDeterministic);
            Assert.False(TorchSharpDeterminism.CuDnnBenchmark);
            Assert.Equal(TorchSharpDeterminism.CublasWorkspaceConfig, TorchSharpDeterminism.CublasWorkspaceConfigValue);
            Assert.Equal(TorchSharpDeterminism.CublasWorkspaceConfig, Environment.GetEnvironmentVariable("CUBLAS_WORKSPACE_CONFIG"));
            Assert.True(Seed.IsRegistered(TorchSharpStateSource.Instance));
            Assert.Equal(expected, TorchSharpStateSource.Instance.CaptureState());
            Assert.Equal(4242u, Seed.Initial);

            // The helper form does the same.
            TorchSharpDeterminism.Disable();
            Assert.Equal(17u, OneSeedTorchSharp.Everything(17u, deterministic: true));
            Assert.True(TorchSharpDeterminism.DeterministicAlgorithmsEnabled);
            Assert.Equal(17L, TorchSharpRandom.InitialSeed);
        }
        finally
        {
            TorchSharpDeterminism.Disable();
        }
    }

    [Fact]
    public void Everything_without_deterministic_leaves_the_switches_alone()
    {
        TorchSharpDeterminism.Disable();
        Seed.Everything(99u, deterministic: false);
        Assert.False(TorchSharpDeterminism.DeterministicAlgorithmsEnabled);
        Assert.False(TorchSharpDeterminism.CuDnnDeterministic);
        Assert.Equal(99L, TorchSharpRandom.InitialSeed);
    }
}
