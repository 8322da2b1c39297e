using OneSeed.Compat;
using OneSeed.Engines;

namespace OneSeed.Tests.Runtime;

/// <summary>The README's "A taste" snippet, with the values it claims (each checked by hand against CPython, NumPy and torch on this machine; see shared/reference notes).</summary>
[Collection(RuntimeState.Name)]
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_snippet_gives_the_values_it_claims()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oneseed-readme-{Guid.NewGuid():N}.json");
        using (Seed.Isolate())
        {
            Seed.Everything(42);
            Assert.Equal(10, PythonRandom.Shared.RandInt(0, 10));
            Assert.Equal([6L, 3, 7, 4], NumPyRandomState.Shared.RandInt(0, 10, 4));
            Assert.Equal([0.8823f, 0.9150f, 0.3829f, 0.9593f], TorchGenerator.Default.Rand(4).Select(v => MathF.Round(v, 4)));
            Assert.Equal([0L, 7, 6, 4], NumPy.DefaultRng(42).Integers(0, 10, 4));

            NumPyGenerator augment = Seed.Stream("augment", 0);
            NumPyGenerator dropout = Seed.Stream("dropout");
            Assert.NotEqual(augment.Random(), dropout.Random());

            try
            {
                RngSnapshot.Capture().Save(path);
                double next = PythonRandom.Shared.Random();
                RngSnapshot.Load(path).Restore();
                Assert.Equal(next, PythonRandom.Shared.Random());
            }
            finally
            {
                File.Delete(path);
            }

            System.Random random = new Pcg64(42).AsRandom();
            Assert.InRange(random.Next(10), 0, 9);
        }
    }
}
