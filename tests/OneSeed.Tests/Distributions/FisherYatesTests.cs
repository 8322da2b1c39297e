using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// The permutations' 32-bit working copy (from <see cref="FisherYates.NarrowFrom"/> elements) against the 64-bit
/// shuffle it replaces: the same values and the same final engine state, on both sides of the threshold. (The live
/// NumPy and torch tests check the values against the references themselves.)
/// </summary>
public sealed class FisherYatesTests
{
    public static TheoryData<string> Engines() => [.. BitGenerators.Names];

    private static readonly int[] Lengths = [FisherYates.NarrowFrom - 1, FisherYates.NarrowFrom, FisherYates.NarrowFrom + 7, 200_003];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Permutation_equals_the_shuffle_of_a_64_bit_arange(string engine)
    {
        foreach (int n in Lengths)
        {
            BitGenerator a = BitGenerators.Create(engine, 77 + n), b = BitGenerators.Create(engine, 77 + n);
            long[] expected = [.. Enumerable.Range(0, n).Select(i => (long)i)];
            FisherYates.Shuffle(b, expected.AsSpan());
            Assert.Equal(expected, FisherYates.Permutation(a, n));
            Assert.Equal(b.GetStateJson(), a.GetStateJson());
        }
    }

    [Fact]
    public void Torch_randperm_equals_its_32_bit_form()
    {
        foreach (int n in Lengths)
        {
            TorchGenerator a = new(5 + n), b = new(5 + n);
            Assert.Equal(b.RandPermInt32(n).Select(v => (long)v), a.RandPerm(n));
            Assert.Equal(b.Random(), a.Random());
        }
    }
}
