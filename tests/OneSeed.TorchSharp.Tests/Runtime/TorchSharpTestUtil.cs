using TorchSharp;

namespace OneSeed.TorchSharp.Tests.Runtime;

internal static class TorchSharpTestUtil
{
    /// <summary>Moves TorchSharp's CPU generator somewhere unrelated (a reseed with an odd seed, then draws).</summary>
    public static void Scramble()
    {
        TorchSharpRandom.ManualSeed(unchecked((long)0xDEADBEEFCAFEF00DUL));
        using torch.Tensor a = torch.rand([17]);
        using torch.Tensor b = torch.randn([3]);
    }
}
