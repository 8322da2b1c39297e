using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED007: TorchSharp's manual_seed, torchvision's random transforms and its shuffling DataLoader.</summary>
public sealed class TorchSharpTests
{
    // The tests do not reference TorchSharp: a stand-in with the real API's fully qualified names and parameter names
    // (TorchSharp 0.107: TorchSharp.torch.manual_seed, torch.random.manual_seed, torch.cuda.manual_seed,
    // torch.utils.data.DataLoader(dataset, batchSize, shuffle, device, seed, ...), TorchSharp.Modules.DataLoader; and
    // TorchVision's TorchSharp.torchvision.transforms factories). RealTorchSharpTests compiles against the real assemblies.
    private const string TorchSharp = """
        namespace TorchSharp
        {
            public static class torch
            {
                public sealed class Generator { public Generator manual_seed(long seed) => this; }
                public sealed class Device { }
                public static Generator manual_seed(long seed) => new();
                public static class random { public static Generator manual_seed(long seed) => new(); }
                public static class cuda { public static void manual_seed(long seed) { } }
                public static class utils
                {
                    public static class data
                    {
                        public static Modules.DataLoader DataLoader(object dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false) => new(dataset, batchSize, shuffle, device, seed);
                        public static Modules.DataLoader DataLoader(object dataset, int batchSize, System.Collections.Generic.IEnumerable<long> shuffler, Device? device = null) => new(dataset, batchSize);
                        public static Modules.IterableDataLoader IterableDataLoader(object dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null) => new();
                    }
                }
            }

            public static class torchvision
            {
                public interface ITransform { }
                public sealed class RandomHorizontalFlip : ITransform { public RandomHorizontalFlip(double p = 0.5) { } }
                public sealed class RandomRotation : ITransform { public RandomRotation(double degrees) { } }
                public sealed class Resize : ITransform { public Resize(int height, int width) { } }
                public static class transforms
                {
                    public static ITransform RandomHorizontalFlip(double p = 0.5) => null!;
                    public static ITransform RandomResizedCrop(int height, int width) => null!;
                    public static ITransform RandomPerspective(double distortion = 0.5, double p = 0.5) => null!;
                    public static ITransform RandomOrder(params ITransform[] transforms) => null!;
                    public static ITransform ColorJitter(float brightness = 0) => null!;
                    public static ITransform Resize(int height, int width) => new torchvision.Resize(height, width);
                }
            }
        }

        namespace TorchSharp.Modules
        {
            public class DataLoader
            {
                public DataLoader(object dataset, int batchSize, bool shuffle = false, torch.Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false) { }
            }

            public class IterableDataLoader { }
        }

        """;

    // The line of the member in a test that appends "class C\n{\n    member\n}" to the stand-in.
    private static readonly int MemberLine = TorchSharp.Count(c => c == '\n') + 3;

    [Theory]
    [InlineData("{|ONESEED007:torch.manual_seed(42)|}")]
    [InlineData("{|ONESEED007:torch.random.manual_seed(42)|}")]
    [InlineData("{|ONESEED007:TorchSharp.torch.manual_seed(seed)|}")]
    [InlineData("{|ONESEED007:torchvision.transforms.RandomResizedCrop(224, 224)|}")]
    [InlineData("{|ONESEED007:torchvision.transforms.RandomPerspective()|}")]
    [InlineData("{|ONESEED007:torchvision.transforms.RandomOrder()|}")]
    [InlineData("{|ONESEED007:new torchvision.RandomRotation(30)|}")]
    [InlineData("{|ONESEED007:torch.utils.data.IterableDataLoader(data, 32, shuffle: true)|}")]
    [InlineData("{|ONESEED007:torch.utils.data.DataLoader(data, 32, shuffle: true)|}")]
    [InlineData("{|ONESEED007:torch.utils.data.DataLoader(data, 32, true, seed: 1)|}")]
    [InlineData("{|ONESEED007:new TorchSharp.Modules.DataLoader(data, 32, shuffle: true)|}")]
    public Task Reports_TorchSharp_randomness(string call) => AnalyzerVerifier.VerifyAsync("using TorchSharp;\n" + TorchSharp + $$"""
        class C
        {
            object M(object data, long seed) => {{call}};
        }
        """);

    [Theory]
    [InlineData("torch.cuda.manual_seed(42)")]
    [InlineData("new torch.Generator().manual_seed(42)")]
    [InlineData("Mine.manual_seed(42)")]
    [InlineData("torchvision.transforms.Resize(224, 224)")]
    [InlineData("torchvision.transforms.RandomHorizontalFlip()")]
    [InlineData("new torchvision.RandomHorizontalFlip(0.5)")]
    [InlineData("torchvision.transforms.ColorJitter(0.4f)")]
    [InlineData("torch.utils.data.DataLoader(data, 32)")]
    [InlineData("torch.utils.data.DataLoader(data, 32, shuffle: false)")]
    [InlineData("torch.utils.data.DataLoader(data, 32, shuffle: flag)")]
    [InlineData("torch.utils.data.DataLoader(data, 32, new long[] { 1, 0 })")]
    [InlineData("new TorchSharp.Modules.DataLoader(data, 32, false, seed: 1)")]
    public Task Leaves_the_rest_alone(string call) => AnalyzerVerifier.VerifyAsync("using TorchSharp;\n" + TorchSharp + $$"""
        static class Mine { public static object manual_seed(long seed) => seed; }
        class C
        {
            void M(object data, bool flag) { {{call}}; }
        }
        """);

    [Fact]
    public Task Leaves_a_manual_seed_of_another_library_alone() => AnalyzerVerifier.VerifyAsync("""
        namespace Other { public static class torch { public static void manual_seed(long seed) { } } }
        class C
        {
            void M() => Other.torch.manual_seed(42);
        }
        """);

    [Fact]
    public Task Message_names_the_call_and_Seed_Everything() => AnalyzerVerifier.VerifyAsync(
        TorchSharp + """
        class C
        {
            void M() => TorchSharp.torch.manual_seed(7);
        }
        """,
        new DiagnosticResult(TorchSharpAnalyzer.Rule).WithSpan(MemberLine, 17, MemberLine, 48).WithArguments(
            "TorchSharp.torch.manual_seed(7)",
            "seeds only TorchSharp's CPU generator: CUDA's generators, OneSeed's streams and the System.Random inside TorchSharp's loader and some transforms stay unseeded",
            "Seed.Everything(seed) after OneSeedTorchSharp.Register() (or OneSeedTorchSharp.Everything(seed))"));

    [Theory]
    [InlineData("shuffle: true", "shuffles with an unseeded System.Random, which no seed reaches, so every run has a different order")]
    [InlineData("shuffle: true, seed: 3", "shuffles with a System.Random re-created from 'seed' every epoch, so every epoch has the same order")]
    public Task Message_says_what_the_shuffle_does(string arguments, string problem) => AnalyzerVerifier.VerifyAsync(
        TorchSharp + $$"""
        class C
        {
            object M(object d) => TorchSharp.torch.utils.data.DataLoader(d, 8, {{arguments}});
        }
        """,
        new DiagnosticResult(TorchSharpAnalyzer.Rule).WithSpan(MemberLine, 27, MemberLine, 73 + arguments.Length).WithArguments(
            $"TorchSharp.torch.utils.data.DataLoader(d, 8, {arguments})",
            problem,
            "OneSeed.Data's DataLoader<T> with Shuffle = true and a Seed (a new order every epoch, the same in every run)"));
}
