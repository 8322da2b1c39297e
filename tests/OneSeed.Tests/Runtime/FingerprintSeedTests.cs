using OneSeed.Diagnostics;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class FingerprintSeedTests
{
    [Fact]
    public void Fingerprint_records_the_seed_Everything_chose_unless_an_option_overrides_it()
    {
        using (Seed.Isolate())
        {
            Seed.Everything(20261125u);
            EnvironmentFingerprint captured = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false });
            Assert.Equal("20261125", captured["seed.value"]);
            Assert.Equal("Seed.Initial", captured["seed.source"]);

            EnvironmentFingerprint overridden = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false, Seed = "7" });
            Assert.Equal("7", overridden["seed.value"]);
            Assert.Equal("FingerprintOptions.Seed", overridden["seed.source"]);
        }
    }
}
