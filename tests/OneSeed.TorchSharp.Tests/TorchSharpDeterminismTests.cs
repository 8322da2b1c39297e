namespace OneSeed.TorchSharp.Tests;

public class TorchSharpDeterminismTests
{
    [Fact]
    public void Enable_turns_every_switch_on_and_they_read_back()
    {
        try
        {
            TorchSharpDeterminismReport report = TorchSharpDeterminism.Enable();
            Assert.Empty(report.NotApplied);
            Assert.Empty(report.Warnings); // no CUDA on this machine
            Assert.Equal(4, report.Applied.Count);
            Assert.True(TorchSharpDeterminism.DeterministicAlgorithmsEnabled);
            Assert.False(TorchSharpDeterminism.DeterministicAlgorithmsWarnOnly);
            Assert.True(TorchSharpDeterminism.CuDnnDeterministic);
            Assert.False(TorchSharpDeterminism.CuDnnBenchmark);
            Assert.Equal(":4096:8", TorchSharpDeterminism.CublasWorkspaceConfigValue);
            Assert.Equal(":4096:8", NativeEnvironment.GetVariable("CUBLAS_WORKSPACE_CONFIG"));
            Assert.Equal(":4096:8", Environment.GetEnvironmentVariable("CUBLAS_WORKSPACE_CONFIG"));

            TorchSharpDeterminism.Enable(warnOnly: true);
            Assert.True(TorchSharpDeterminism.DeterministicAlgorithmsWarnOnly);
        }
        finally
        {
            Assert.True(TorchSharpDeterminism.Disable());
        }

        Assert.False(TorchSharpDeterminism.DeterministicAlgorithmsEnabled);
        Assert.False(TorchSharpDeterminism.CuDnnDeterministic);
        Assert.False(TorchSharpDeterminism.CuDnnBenchmark);
    }

    [Fact]
    public void Draws_are_unchanged_by_determinism_mode()
    {
        TorchSharpRandom.ManualSeed(7);
        long[] before = TorchDraws.Draw(new System.Text.Json.Nodes.JsonObject { ["kind"] = "randperm", ["n"] = 100 });
        try
        {
            TorchSharpDeterminism.Enable();
            TorchSharpRandom.ManualSeed(7);
            Assert.Equal(before, TorchDraws.Draw(new System.Text.Json.Nodes.JsonObject { ["kind"] = "randperm", ["n"] = 100 }));
        }
        finally
        {
            TorchSharpDeterminism.Disable();
        }
    }
}
