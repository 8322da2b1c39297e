using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Distributions;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="LanePacking"/> against the plain definition for every one of the 256 lane masks, at both lane sizes.
/// The 64-bit form is what the AVX-512 ziggurat batches pack with on .NET 8 (on .NET 9+ they use <c>vcompresspd</c>),
/// and no .NET 8 runtime runs these tests, so this is where it is checked.
/// </summary>
public sealed class LanePackingTests
{
    [Fact]
    public void Thirty_two_bit_lanes_come_out_in_order()
    {
        if (!Avx2.IsSupported)
        {
            return; // the callers take their scalar paths on this CPU
        }

        var values = Vector256.Create(11u, 22, 33, 44, 55, 66, 77, 88);
        CheckEveryMask(k => values[k], lanes => { Vector256<uint> packed = LanePacking.Pack(values, lanes); return k => packed[k]; });
    }

    [Fact]
    public void Sixty_four_bit_lanes_come_out_in_order()
    {
        if (!Avx512F.IsSupported)
        {
            return; // the callers take their AVX2 paths on this CPU
        }

        var values = Vector512.Create(0x1111_0000_0000_0001UL, 0x2222_0000_0000_0002, 0x3333_0000_0000_0003, 0x4444_0000_0000_0004, 0x5555_0000_0000_0005, 0x6666_0000_0000_0006, 0x7777_0000_0000_0007, 0x8888_0000_0000_0008);
        CheckEveryMask(k => values[k], lanes => { Vector512<ulong> packed = LanePacking.Pack(values, lanes); return k => packed[k]; });
    }

    /// <summary>For every 8-bit mask, the packed lanes are the selected values, first to last.</summary>
    private static void CheckEveryMask<T>(Func<int, T> value, Func<uint, Func<int, T>> pack)
    {
        for (uint lanes = 0; lanes < 256; lanes++)
        {
            T[] expected = [.. Enumerable.Range(0, 8).Where(k => (lanes & (1u << k)) != 0).Select(value)];
            Func<int, T> packed = pack(lanes);
            Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(packed));
        }
    }
}
