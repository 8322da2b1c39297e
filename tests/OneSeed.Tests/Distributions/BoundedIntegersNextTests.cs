using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Tests.Distributions;

public sealed class BoundedIntegersNextTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(6UL)]
    [InlineData(0xFFFFFFFEUL)]
    [InlineData(0xFFFFFFFFUL)]
    [InlineData(0x100000000UL)]
    [InlineData(0x4000000000000001UL)]
    [InlineData(ulong.MaxValue - 1)]
    [InlineData(ulong.MaxValue)]
    public void Scalar_draws_equal_fill(ulong rng)
    {
        foreach (bool masked in new[] { false, true })
        {
            var a = new Mt19937(31);
            var b = new Mt19937(31);
            ulong[] bulk = new ulong[999];
            BoundedIntegers.Fill(a, 12345, rng, masked, bulk);
            Assert.Equal(bulk, bulk.Select(_ => BoundedIntegers.Next(b, 12345, rng, masked)));
            Assert.Equal(a.NextUInt32(), b.NextUInt32());
        }
    }
}
