using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Compat;

/// <summary>
/// torch's <c>normal_fill_16_AVX2</c> for float32: Box–Muller with the Cephes-style <c>log256_ps</c> and
/// <c>sincos256_ps</c> of its <c>avx_mathfun.h</c>, reproduced operation by operation in portable float32 code.
/// </summary>
/// <remarks>
/// torch compiles that file with <c>-mavx2 -mfma</c> and GCC's default <c>-ffp-contract=fast</c>, so GCC fuses a
/// multiply into the add or subtract that is its only use; the <see cref="MathF.FusedMultiplyAdd"/> calls below sit
/// exactly where that happens (checked against torch 1.13 bit for bit), and the plain multiply-adds are the ones
/// GCC leaves unfused. Any change here must be re-checked against the live oracle.
/// </remarks>
internal static class TorchNormalAvx2
{
    private const float TwoPi = (float)(2.0f * Math.PI);

    /// <summary>Transforms each whole block of 16 uniforms in <paramref name="data"/> into 16 normals.</summary>
    public static void Transform(Span<float> data, float mean, float std)
    {
        if (Fma.IsSupported && Avx2.IsSupported)
        {
            TransformVector(data, mean, std);
        }
        else
        {
            TransformScalar(data, mean, std);
        }
    }

    /// <summary>The same as <see cref="TransformScalar"/>, eight lanes at a time with AVX2 and FMA (the same operations, so the same bits).</summary>
    internal static void TransformVector(Span<float> data, float mean, float std)
    {
        Vector256<float> meanV = Vector256.Create(mean);
        Vector256<float> stdV = Vector256.Create(std);
        Vector256<float> one = Vector256.Create(1.0f);
        Vector256<float> minusTwo = Vector256.Create(-2.0f);
        Vector256<float> twoPi = Vector256.Create(TwoPi);
        ref float start = ref MemoryMarshal.GetReference(data);
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            ref float block = ref Unsafe.Add(ref start, i);
            Vector256<float> u1 = Avx.Subtract(one, Vector256.LoadUnsafe(ref block));
            Vector256<float> u2 = Vector256.LoadUnsafe(ref block, 8);
            Vector256<float> radius = Avx.Sqrt(Avx.Multiply(minusTwo, Log(u1)));
            SinCos(Avx.Multiply(twoPi, u2), out Vector256<float> sin, out Vector256<float> cos);
            Fma.MultiplyAdd(Avx.Multiply(radius, cos), stdV, meanV).StoreUnsafe(ref block);
            Fma.MultiplyAdd(Avx.Multiply(radius, sin), stdV, meanV).StoreUnsafe(ref block, 8);
        }
    }

    /// <summary>One lane at a time, for CPUs without AVX2/FMA (and to check the vector path against).</summary>
    internal static void TransformScalar(Span<float> data, float mean, float std)
    {
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            Span<float> block = data.Slice(i, 16);
            for (int j = 0; j < 8; j++)
            {
                float u1 = 1.0f - block[j];
                float u2 = block[j + 8];
                float radius = MathF.Sqrt(-2.0f * Log(u1));
                float theta = TwoPi * u2;
                SinCos(theta, out float sin, out float cos);
                block[j] = MathF.FusedMultiplyAdd(radius * cos, std, mean);
                block[j + 8] = MathF.FusedMultiplyAdd(radius * sin, std, mean);
            }
        }
    }

    internal static float Log(float x)
    {
        // Only called with x in (0, 1], so the invalid-input and denormal branches of log256_ps never matter.
        x = MathF.Max(x, BitConverter.Int32BitsToSingle(0x00800000));
        int bits = BitConverter.SingleToInt32Bits(x);
        int exponent = (int)((uint)bits >> 23) - 0x7f;
        x = BitConverter.Int32BitsToSingle((bits & ~0x7f800000) | BitConverter.SingleToInt32Bits(0.5f));
        float e = exponent + 1.0f;
        float tmp;
        if (x < 0.707106781186547524f)
        {
            tmp = x;
            e -= 1.0f;
        }
        else
        {
            tmp = 0.0f;
        }

        x -= 1.0f;
        x += tmp;
        float z = x * x;
        float y = 7.0376836292E-2f;
        y = MathF.FusedMultiplyAdd(y, x, -1.1514610310E-1f);
        y = MathF.FusedMultiplyAdd(y, x, 1.1676998740E-1f);
        y = MathF.FusedMultiplyAdd(y, x, -1.2420140846E-1f);
        y = MathF.FusedMultiplyAdd(y, x, 1.4249322787E-1f);
        y = MathF.FusedMultiplyAdd(y, x, -1.6668057665E-1f);
        y = MathF.FusedMultiplyAdd(y, x, 2.0000714765E-1f);
        y = MathF.FusedMultiplyAdd(y, x, -2.4999993993E-1f);
        y = MathF.FusedMultiplyAdd(y, x, 3.3333331174E-1f);
        y *= x;
        y = MathF.FusedMultiplyAdd(y, z, e * -2.12194440e-4f);
        y = MathF.FusedMultiplyAdd(-z, 0.5f, y);
        x += y;
        return MathF.FusedMultiplyAdd(e, 0.693359375f, x);
    }

    internal static void SinCos(float x, out float sin, out float cos)
    {
        uint signSin = BitConverter.SingleToUInt32Bits(x) & 0x80000000u;
        x = MathF.Abs(x);
        float y = x * 1.27323954473516f;
        int j = (int)y;
        j = (j + 1) & ~1;
        y = j;
        uint swapSignSin = (uint)(j & 4) << 29;
        bool firstPolyForSin = (j & 2) == 0;
        x = MathF.FusedMultiplyAdd(y, -0.78515625f, x);
        x = MathF.FusedMultiplyAdd(y, -2.4187564849853515625e-4f, x);
        x = MathF.FusedMultiplyAdd(y, -3.77489497744594108e-8f, x);
        uint signCos = (uint)(~(j - 2) & 4) << 29;
        signSin ^= swapSignSin;

        float z = x * x;
        float c = 2.443315711809948E-005f;
        c = MathF.FusedMultiplyAdd(c, z, -1.388731625493765E-003f);
        c = MathF.FusedMultiplyAdd(c, z, 4.166664568298827E-002f);
        c *= z;
        c = MathF.FusedMultiplyAdd(c, z, -(z * 0.5f));
        c += 1.0f;

        float s = -1.9515295891E-4f;
        s = MathF.FusedMultiplyAdd(s, z, 8.3321608736E-3f);
        s = MathF.FusedMultiplyAdd(s, z, -1.6666654611E-1f);
        s *= z;
        s = MathF.FusedMultiplyAdd(s, x, x);

        // The first polynomial (c) approximates cos on [0, π/4], the second (s) sin; the mask swaps their roles.
        // Written as avx_mathfun's masked adds and subtracts (not a plain select) so signed zeros come out the same.
        float sinFromC = firstPolyForSin ? 0.0f : c;
        float sinFromS = firstPolyForSin ? s : 0.0f;
        float sinValue = sinFromC + sinFromS;
        float cosValue = (c - sinFromC) + (s - sinFromS);
        sin = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(sinValue) ^ signSin);
        cos = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(cosValue) ^ signCos);
    }

    private static Vector256<float> Log(Vector256<float> x)
    {
        Vector256<float> one = Vector256.Create(1.0f);
        x = Avx.Max(x, Vector256.Create(0x00800000).AsSingle());
        Vector256<int> exponent = Avx2.Subtract(Avx2.ShiftRightLogical(x.AsInt32(), 23), Vector256.Create(0x7f));
        x = Avx.Or(Avx.And(x, Vector256.Create(~0x7f800000).AsSingle()), Vector256.Create(0.5f));
        Vector256<float> e = Avx.Add(Avx.ConvertToVector256Single(exponent), one);
        Vector256<float> mask = Avx.Compare(x, Vector256.Create(0.707106781186547524f), FloatComparisonMode.OrderedLessThanSignaling);
        Vector256<float> tmp = Avx.And(x, mask);
        x = Avx.Subtract(x, one);
        e = Avx.Subtract(e, Avx.And(one, mask));
        x = Avx.Add(x, tmp);
        Vector256<float> z = Avx.Multiply(x, x);
        Vector256<float> y = Vector256.Create(7.0376836292E-2f);
        y = Fma.MultiplyAdd(y, x, Vector256.Create(-1.1514610310E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(1.1676998740E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(-1.2420140846E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(1.4249322787E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(-1.6668057665E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(2.0000714765E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(-2.4999993993E-1f));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(3.3333331174E-1f));
        y = Avx.Multiply(y, x);
        y = Fma.MultiplyAdd(y, z, Avx.Multiply(e, Vector256.Create(-2.12194440e-4f)));
        y = Fma.MultiplyAddNegated(z, Vector256.Create(0.5f), y);
        x = Avx.Add(x, y);
        return Fma.MultiplyAdd(e, Vector256.Create(0.693359375f), x);
    }

    private static void SinCos(Vector256<float> x, out Vector256<float> sin, out Vector256<float> cos)
    {
        Vector256<float> signSin = Avx.And(x, Vector256.Create(unchecked((int)0x80000000)).AsSingle());
        x = Avx.And(x, Vector256.Create(0x7fffffff).AsSingle());
        Vector256<int> j = Avx.ConvertToVector256Int32WithTruncation(Avx.Multiply(x, Vector256.Create(1.27323954473516f)));
        j = Avx2.And(Avx2.Add(j, Vector256.Create(1)), Vector256.Create(~1));
        Vector256<float> y = Avx.ConvertToVector256Single(j);
        Vector256<float> swapSignSin = Avx2.ShiftLeftLogical(Avx2.And(j, Vector256.Create(4)), 29).AsSingle();
        Vector256<float> polyMask = Avx2.CompareEqual(Avx2.And(j, Vector256.Create(2)), Vector256<int>.Zero).AsSingle();
        x = Fma.MultiplyAdd(y, Vector256.Create(-0.78515625f), x);
        x = Fma.MultiplyAdd(y, Vector256.Create(-2.4187564849853515625e-4f), x);
        x = Fma.MultiplyAdd(y, Vector256.Create(-3.77489497744594108e-8f), x);
        Vector256<float> signCos = Avx2.ShiftLeftLogical(Avx2.AndNot(Avx2.Subtract(j, Vector256.Create(2)), Vector256.Create(4)), 29).AsSingle();
        signSin = Avx.Xor(signSin, swapSignSin);

        Vector256<float> z = Avx.Multiply(x, x);
        Vector256<float> c = Vector256.Create(2.443315711809948E-005f);
        c = Fma.MultiplyAdd(c, z, Vector256.Create(-1.388731625493765E-003f));
        c = Fma.MultiplyAdd(c, z, Vector256.Create(4.166664568298827E-002f));
        c = Avx.Multiply(c, z);
        c = Fma.MultiplySubtract(c, z, Avx.Multiply(z, Vector256.Create(0.5f)));
        c = Avx.Add(c, Vector256.Create(1.0f));

        Vector256<float> s = Vector256.Create(-1.9515295891E-4f);
        s = Fma.MultiplyAdd(s, z, Vector256.Create(8.3321608736E-3f));
        s = Fma.MultiplyAdd(s, z, Vector256.Create(-1.6666654611E-1f));
        s = Avx.Multiply(s, z);
        s = Fma.MultiplyAdd(s, x, x);

        Vector256<float> sinFromS = Avx.And(polyMask, s);
        Vector256<float> sinFromC = Avx.AndNot(polyMask, c);
        sin = Avx.Xor(Avx.Add(sinFromC, sinFromS), signSin);
        cos = Avx.Xor(Avx.Add(Avx.Subtract(c, sinFromC), Avx.Subtract(s, sinFromS)), signCos);
    }
}
