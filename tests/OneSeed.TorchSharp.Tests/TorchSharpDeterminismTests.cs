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

    /// <summary>Why OneSeed calls libtorch directly (docs/torchsharp.md); if this fails, TorchSharp grew the API.</summary>
    [Fact]
    public void TorchSharp_0_107s_own_determinism_API_is_not_implemented()
    {
        // Declared with [Obsolete("not implemented", error: true)]: calling them does not even compile.
        foreach (string name in new[] { "use_deterministic_algorithms", "are_deterministic_algorithms_enabled", "set_deterministic_debug_mode" })
        {
            System.Reflection.MethodInfo method = typeof(global::TorchSharp.torch).GetMethod(name)!;
            var obsolete = (ObsoleteAttribute?)Attribute.GetCustomAttribute(method, typeof(ObsoleteAttribute));
            Assert.True(obsolete is { IsError: true }, $"torch.{name} is usable now");
        }
    }
}
