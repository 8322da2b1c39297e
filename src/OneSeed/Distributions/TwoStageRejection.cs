using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Rejection samplers whose every attempt takes exactly two uniforms and depends on nothing else (NumPy's PTRS Poisson
/// and BTPE binomial), over a chunk of buffered words in two stages: a quick test decides most attempts four at a time,
/// then the attempts it leaves are packed together and decided four at a time by the full test. Both stages fill
/// whole groups of four lanes (the full test's lanes would otherwise be mostly idle: a third of BTPE's attempts and two
/// fifths of PTRS's reach it). The accepted attempts, in the order of their words, are the scalar loop's values.
/// </summary>
/// <remarks>Only where AVX2 is supported (the packing is one <c>vpermd</c>).</remarks>
internal static unsafe class TwoStageRejection
{
    /// <summary>Fills <paramref name="destination"/> with <paramref name="kernel"/>'s values: the scalar loop's values and draws.</summary>
    [SkipLocalsInit] // The stage buffers are written before they are read.
    public static void Fill<TKernel, T>(BitGenerator engine, Span<T> destination, TKernel kernel)
        where TKernel : struct, IKernel<T>
        where T : unmanaged
    {
        // The stage buffers, a chunk's worth (four lanes of slack after the packed ones, as each group's packed store
        // writes four), from this frame: a stackalloc in Fast would keep it from tiering up.
        const int MaxAttempts = UInt64DrawCursor.Capacity / 2;
        T* values = stackalloc T[MaxAttempts];
        uint* accepted = stackalloc uint[MaxAttempts / 4];
        double* us = stackalloc double[MaxAttempts + 4];
        double* vs = stackalloc double[MaxAttempts + 4];
        int* positions = stackalloc int[MaxAttempts + 4];
        var stages = new Stages<TKernel, T>(kernel, values, accepted, us, vs, positions);
        UInt64DrawCursor.Fill(engine, destination, ref stages);
    }

    /// <summary>One sampler's attempts: their uniforms, the quick test, the full test, and the exact scalar loop.</summary>
    internal interface IKernel<T>
    {
        /// <summary>The two uniforms of four attempts (attempt j from words 2j and 2j + 1), as the scalar loop forms them.</summary>
        void Uniforms(ulong* words, bool twoHalves, out Vector256<double> u, out Vector256<double> v);

        /// <summary>
        /// The quick test of four attempts: their values (where accepted), a bit per lane that accepted, and a bit per lane
        /// left to <see cref="Full"/>; a lane in neither rejected.
        /// </summary>
        Vector256<T> Quick(Vector256<double> u, Vector256<double> v, out uint accepted, out uint undecided);

        /// <summary>The whole test of the attempts in <paramref name="lanes"/>: their values (where accepted) and a bit per lane that accepted.</summary>
        Vector256<T> Full(Vector256<double> u, Vector256<double> v, uint lanes, out uint accepted);

        /// <summary>The next value through the exact scalar loop.</summary>
        T Next(ref UInt64DrawCursor draws);
    }

    // Not readonly: calls on a readonly struct's field of a type parameter copy the kernel first (C# cannot know its
    // methods leave it unchanged), and BTPE's kernel is 20 fields, copied twice a group.
    private struct Stages<TKernel, T>(TKernel kernel, T* values, uint* accepted, double* us, double* vs, int* positions) : IBufferedSampler<T>
        where TKernel : struct, IKernel<T>
        where T : unmanaged
    {
        public int Refill(ref UInt64DrawCursor draws, int count, ref T destination, int i)
        {
            draws.Refill(count);
            return i;
        }

        public int Fast(ref UInt64DrawCursor draws, ref T destination, int i)
        {
            int groups = draws.Buffered / 8;
            bool twoHalves = draws.DoublesFromTwoHalves;
            ulong* words = draws.Cursor;

            // Stage one: every attempt's quick value and decision; the undecided attempts' uniforms packed, with their
            // positions.
            int undecidedCount = 0;
            for (int g = 0; g < groups; g++)
            {
                kernel.Uniforms(words + (8 * g), twoHalves, out Vector256<double> u, out Vector256<double> v);
                kernel.Quick(u, v, out accepted[g], out uint undecided).Store(values + (4 * g));
                LanePacking.Pack(u, undecided).Store(us + undecidedCount);
                LanePacking.Pack(v, undecided).Store(vs + undecidedCount);
                for (; undecided != 0; undecided &= undecided - 1)
                {
                    positions[undecidedCount++] = (4 * g) + BitOperations.TrailingZeroCount(undecided);
                }
            }

            // Stage two: the undecided attempts, four at a time (the lanes past the last are don't-cares).
            for (int s = 0; s < undecidedCount; s += 4)
            {
                uint lanes = undecidedCount - s >= 4 ? 0xFu : (1u << (undecidedCount - s)) - 1;
                Vector256<T> full = kernel.Full(Vector256.Load(us + s), Vector256.Load(vs + s), lanes, out uint fullAccepted);
                for (; lanes != 0; lanes &= lanes - 1)
                {
                    int lane = BitOperations.TrailingZeroCount(lanes), at = positions[s + lane];
                    values[at] = full.GetElement(lane);
                    accepted[at >> 2] |= ((fullAccepted >> lane) & 1) << (at & 3);
                }
            }

            // The accepted values in attempt order, each group's packed to the front of one four-lane store. The chunk
            // holds no more words than values left and an attempt takes two, so the stores stay inside the destination.
            for (int g = 0; g < groups; g++)
            {
                LanePacking.Pack(Vector256.Load(values + (4 * g)), accepted[g]).StoreUnsafe(ref destination, (nuint)i);
                i += BitOperations.PopCount(accepted[g]);
            }

            draws.Skip(8 * groups);
            return i;
        }

        public T Next(ref UInt64DrawCursor draws) => kernel.Next(ref draws);
    }
}
