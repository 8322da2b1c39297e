using System.Diagnostics;

namespace OneSeed.Distributions;

/// <summary>
/// glibc 2.36's <c>lgamma</c> (<c>sysdeps/ieee754/dbl-64/e_lgamma_r.c</c>, fdlibm's <c>e_lgamma_r.c</c>) for
/// non-negative arguments, operation by operation, so that callers which must reproduce a C program's
/// <c>std::lgamma</c> (torch's Poisson sampler) get glibc's bits; .NET has no log-gamma.
/// </summary>
/// <remarks>
/// <para>
/// glibc builds this file for the x86-64 baseline only (its <c>multiarch</c> folder has no FMA variant of it), so no
/// operation here is fused. The logarithms it takes are glibc's own <c>log</c>, which <see cref="Math.Log(double)"/>
/// calls on Linux; elsewhere a logarithm, and so a result, may differ in its last bit.
/// </para>
/// <para>
/// Only x ≥ 0 (and NaN, +∞) is transcribed: the negative half (<c>lgamma_neg.c</c> and <c>sin_pi</c>) is not, and no
/// caller passes a negative argument. Checked bit for bit against the running glibc over millions of arguments in
/// every branch (tests/OneSeed.Tests/Distributions/Libm/GlibcLogGammaTests.cs).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> on Linux/glibc (platform note above).</para>
/// </remarks>
internal static class GlibcLogGamma
{
    private const double Half = 5.00000000000000000000e-01;
    private const double One = 1.00000000000000000000e+00;
    private const double A0 = 7.72156649015328655494e-02; // 0x3FB3C467, 0xE37DB0C8
    private const double A1 = 3.22467033424113591611e-01; // 0x3FD4A34C, 0xC4A60FAD
    private const double A2 = 6.73523010531292681824e-02; // 0x3FB13E00, 0x1A5562A7
    private const double A3 = 2.05808084325167332806e-02; // 0x3F951322, 0xAC92547B
    private const double A4 = 7.38555086081402883957e-03; // 0x3F7E404F, 0xB68FEFE8
    private const double A5 = 2.89051383673415629091e-03; // 0x3F67ADD8, 0xCCB7926B
    private const double A6 = 1.19270763183362067845e-03; // 0x3F538A94, 0x116F3F5D
    private const double A7 = 5.10069792153511336608e-04; // 0x3F40B6C6, 0x89B99C00
    private const double A8 = 2.20862790713908385557e-04; // 0x3F2CF2EC, 0xED10E54D
    private const double A9 = 1.08011567247583939954e-04; // 0x3F1C5088, 0x987DFB07
    private const double A10 = 2.52144565451257326939e-05; // 0x3EFA7074, 0x428CFA52
    private const double A11 = 4.48640949618915160150e-05; // 0x3F07858E, 0x90A45837
    private const double Tc = 1.46163214496836224576e+00; // 0x3FF762D8, 0x6356BE3F
    private const double Tf = -1.21486290535849611461e-01; // 0xBFBF19B9, 0xBCC38A42
    private const double Tt = -3.63867699703950536541e-18; // 0xBC50C7CA, 0xA48A971F (minus the tail of tf)
    private const double T0 = 4.83836122723810047042e-01; // 0x3FDEF72B, 0xC8EE38A2
    private const double T1 = -1.47587722994593911752e-01; // 0xBFC2E427, 0x8DC6C509
    private const double T2 = 6.46249402391333854778e-02; // 0x3FB08B42, 0x94D5419B
    private const double T3 = -3.27885410759859649565e-02; // 0xBFA0C9A8, 0xDF35B713
    private const double T4 = 1.79706750811820387126e-02; // 0x3F9266E7, 0x970AF9EC
    private const double T5 = -1.03142241298341437450e-02; // 0xBF851F9F, 0xBA91EC6A
    private const double T6 = 6.10053870246291332635e-03; // 0x3F78FCE0, 0xE370E344
    private const double T7 = -3.68452016781138256760e-03; // 0xBF6E2EFF, 0xB3E914D7
    private const double T8 = 2.25964780900612472250e-03; // 0x3F6282D3, 0x2E15C915
    private const double T9 = -1.40346469989232843813e-03; // 0xBF56FE8E, 0xBF2D1AF1
    private const double T10 = 8.81081882437654011382e-04; // 0x3F4CDF0C, 0xEF61A8E9
    private const double T11 = -5.38595305356740546715e-04; // 0xBF41A610, 0x9C73E0EC
    private const double T12 = 3.15632070903625950361e-04; // 0x3F34AF6D, 0x6C0EBBF7
    private const double T13 = -3.12754168375120860518e-04; // 0xBF347F24, 0xECC38C38
    private const double T14 = 3.35529192635519073543e-04; // 0x3F35FD3E, 0xE8C2D3F4
    private const double U0 = -7.72156649015328655494e-02; // 0xBFB3C467, 0xE37DB0C8
    private const double U1 = 6.32827064025093366517e-01; // 0x3FE4401E, 0x8B005DFF
    private const double U2 = 1.45492250137234768737e+00; // 0x3FF7475C, 0xD119BD6F
    private const double U3 = 9.77717527963372745603e-01; // 0x3FEF4976, 0x44EA8450
    private const double U4 = 2.28963728064692451092e-01; // 0x3FCD4EAE, 0xF6010924
    private const double U5 = 1.33810918536787660377e-02; // 0x3F8B678B, 0xBF2BAB09
    private const double V1 = 2.45597793713041134822e+00; // 0x4003A5D7, 0xC2BD619C
    private const double V2 = 2.12848976379893395361e+00; // 0x40010725, 0xA42B18F5
    private const double V3 = 7.69285150456672783825e-01; // 0x3FE89DFB, 0xE45050AF
    private const double V4 = 1.04222645593369134254e-01; // 0x3FBAAE55, 0xD6537C88
    private const double V5 = 3.21709242282423911810e-03; // 0x3F6A5ABB, 0x57D0CF61
    private const double S0 = -7.72156649015328655494e-02; // 0xBFB3C467, 0xE37DB0C8
    private const double S1 = 2.14982415960608852501e-01; // 0x3FCB848B, 0x36E20878
    private const double S2 = 3.25778796408930981787e-01; // 0x3FD4D98F, 0x4F139F59
    private const double S3 = 1.46350472652464452805e-01; // 0x3FC2BB9C, 0xBEE5F2F7
    private const double S4 = 2.66422703033638609560e-02; // 0x3F9B481C, 0x7E939961
    private const double S5 = 1.84028451407337715652e-03; // 0x3F5E26B6, 0x7368F239
    private const double S6 = 3.19475326584100867617e-05; // 0x3F00BFEC, 0xDD17E945
    private const double R1 = 1.39200533467621045958e+00; // 0x3FF645A7, 0x62C4AB74
    private const double R2 = 7.21935547567138069525e-01; // 0x3FE71A18, 0x93D3DCDC
    private const double R3 = 1.71933865632803078993e-01; // 0x3FC601ED, 0xCCFBDF27
    private const double R4 = 1.86459191715652901344e-02; // 0x3F9317EA, 0x742ED475
    private const double R5 = 7.77942496381893596434e-04; // 0x3F497DDA, 0xCA41A95B
    private const double R6 = 7.32668430744625636189e-06; // 0x3EDEBAF7, 0xA5B38140
    private const double W0 = 4.18938533204672725052e-01; // 0x3FDACFE3, 0x90C97D69
    private const double W1 = 8.33333333333329678849e-02; // 0x3FB55555, 0x5555553B
    private const double W2 = -2.77777777728775536470e-03; // 0xBF66C16C, 0x16B02E5C
    private const double W3 = 7.93650558643019558500e-04; // 0x3F4A019F, 0x98CF38B6
    private const double W4 = -5.95187557450339963135e-04; // 0xBF4380CB, 0x8C0FE741
    private const double W5 = 8.36339918996282139126e-04; // 0x3F4B67BA, 0x4CDAD5D1
    private const double W6 = -1.63092934096575273989e-03; // 0xBF5AB89D, 0x0B9E43E4

    /// <summary>The constants' IEEE bits as glibc's comments give them (checked by the tests), in declaration order.</summary>
    internal static ReadOnlySpan<ulong> ConstantBits =>
    [
        0x3FB3C467E37DB0C8, 0x3FD4A34CC4A60FAD, 0x3FB13E001A5562A7, 0x3F951322AC92547B, 0x3F7E404FB68FEFE8, 0x3F67ADD8CCB7926B,
        0x3F538A94116F3F5D, 0x3F40B6C689B99C00, 0x3F2CF2ECED10E54D, 0x3F1C5088987DFB07, 0x3EFA7074428CFA52, 0x3F07858E90A45837,
        0x3FF762D86356BE3F, 0xBFBF19B9BCC38A42, 0xBC50C7CAA48A971F,
        0x3FDEF72BC8EE38A2, 0xBFC2E4278DC6C509, 0x3FB08B4294D5419B, 0xBFA0C9A8DF35B713, 0x3F9266E7970AF9EC, 0xBF851F9FBA91EC6A,
        0x3F78FCE0E370E344, 0xBF6E2EFFB3E914D7, 0x3F6282D32E15C915, 0xBF56FE8EBF2D1AF1, 0x3F4CDF0CEF61A8E9, 0xBF41A6109C73E0EC,
        0x3F34AF6D6C0EBBF7, 0xBF347F24ECC38C38, 0x3F35FD3EE8C2D3F4,
        0xBFB3C467E37DB0C8, 0x3FE4401E8B005DFF, 0x3FF7475CD119BD6F, 0x3FEF497644EA8450, 0x3FCD4EAEF6010924, 0x3F8B678BBF2BAB09,
        0x4003A5D7C2BD619C, 0x40010725A42B18F5, 0x3FE89DFBE45050AF, 0x3FBAAE55D6537C88, 0x3F6A5ABB57D0CF61,
        0xBFB3C467E37DB0C8, 0x3FCB848B36E20878, 0x3FD4D98F4F139F59, 0x3FC2BB9CBEE5F2F7, 0x3F9B481C7E939961, 0x3F5E26B67368F239,
        0x3F00BFECDD17E945,
        0x3FF645A762C4AB74, 0x3FE71A1893D3DCDC, 0x3FC601EDCCFBDF27, 0x3F9317EA742ED475, 0x3F497DDACA41A95B, 0x3EDEBAF7A5B38140,
        0x3FDACFE390C97D69, 0x3FB555555555553B, 0xBF66C16C16B02E5C, 0x3F4A019F98CF38B6, 0xBF4380CB8C0FE741, 0x3F4B67BA4CDAD5D1,
        0xBF5AB89D0B9E43E4,
    ];

    /// <summary>The constants, in the order of <see cref="ConstantBits"/>.</summary>
    internal static ReadOnlySpan<double> Constants =>
    [
        A0, A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, Tc, Tf, Tt,
        T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14,
        U0, U1, U2, U3, U4, U5, V1, V2, V3, V4, V5,
        S0, S1, S2, S3, S4, S5, S6, R1, R2, R3, R4, R5, R6,
        W0, W1, W2, W3, W4, W5, W6,
    ];

    /// <summary>
    /// ln Γ(<paramref name="x"/>) for x ≥ 0, bit-identical to glibc's <c>lgamma</c> (see remarks): +∞ for +0 and +∞,
    /// NaN for NaN.
    /// </summary>
    public static double Lgamma(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        int lx = (int)bits;
        Debug.Assert(hx >= 0 || double.IsNaN(x), "Only non-negative arguments are transcribed.");
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            return x * x;
        }

        if ((ix | lx) == 0)
        {
            return One / Math.Abs(x);
        }

        if (ix < 0x3b900000)
        {
            // |x| < 2^-70: -log(x)
            return -Math.Log(x);
        }

        double r;
        if ((((ix - 0x3ff00000) | lx) == 0) || (((ix - 0x40000000) | lx) == 0))
        {
            // lgamma(1) = lgamma(2) = 0
            r = 0;
        }
        else if (ix < 0x40000000)
        {
            // x < 2
            double y;
            int i;
            if (ix <= 0x3feccccc)
            {
                // lgamma(x) = lgamma(x + 1) - log(x)
                r = -Math.Log(x);
                if (ix >= 0x3FE76944)
                {
                    y = One - x;
                    i = 0;
                }
                else if (ix >= 0x3FCDA661)
                {
                    y = x - (Tc - One);
                    i = 1;
                }
                else
                {
                    y = x;
                    i = 2;
                }
            }
            else
            {
                r = 0;
                if (ix >= 0x3FFBB4C3)
                {
                    // [1.7316, 2]
                    y = 2.0 - x;
                    i = 0;
                }
                else if (ix >= 0x3FF3B4C4)
                {
                    // [1.23, 1.73]
                    y = x - Tc;
                    i = 1;
                }
                else
                {
                    y = x - One;
                    i = 2;
                }
            }

            switch (i)
            {
                case 0:
                {
                    double z = y * y;
                    double p1 = A0 + (z * (A2 + (z * (A4 + (z * (A6 + (z * (A8 + (z * A10)))))))));
                    double p2 = z * (A1 + (z * (A3 + (z * (A5 + (z * (A7 + (z * (A9 + (z * A11))))))))));
                    double p = (y * p1) + p2;
                    r += p - (0.5 * y);
                    break;
                }

                case 1:
                {
                    double z = y * y;
                    double w = z * y;
                    double p1 = T0 + (w * (T3 + (w * (T6 + (w * (T9 + (w * T12))))))); // parallel evaluation
                    double p2 = T1 + (w * (T4 + (w * (T7 + (w * (T10 + (w * T13)))))));
                    double p3 = T2 + (w * (T5 + (w * (T8 + (w * (T11 + (w * T14)))))));
                    double p = (z * p1) - (Tt - (w * (p2 + (y * p3))));
                    r += Tf + p;
                    break;
                }

                default:
                {
                    double p1 = y * (U0 + (y * (U1 + (y * (U2 + (y * (U3 + (y * (U4 + (y * U5))))))))));
                    double p2 = One + (y * (V1 + (y * (V2 + (y * (V3 + (y * (V4 + (y * V5)))))))));
                    r += (-0.5 * y) + (p1 / p2);
                    break;
                }
            }
        }
        else if (ix < 0x40200000)
        {
            // x < 8: lgamma(1 + s) = log(s) + lgamma(s) down to [2, 3)
            int i = (int)x;
            double y = x - i;
            double p = y * (S0 + (y * (S1 + (y * (S2 + (y * (S3 + (y * (S4 + (y * (S5 + (y * S6))))))))))));
            double q = One + (y * (R1 + (y * (R2 + (y * (R3 + (y * (R4 + (y * (R5 + (y * R6)))))))))));
            r = (Half * y) + (p / q);
            double z = One;
            if (i >= 3)
            {
                // glibc's switch falls through from case i down to case 3.
                for (int j = i - 1; j >= 2; j--)
                {
                    z *= y + j;
                }

                r += Math.Log(z);
            }
        }
        else if (ix < 0x43900000)
        {
            // 8 <= x < 2^58
            double t = Math.Log(x);
            double z = One / x;
            double y = z * z;
            double w = W0 + (z * (W1 + (y * (W2 + (y * (W3 + (y * (W4 + (y * (W5 + (y * W6)))))))))));
            r = ((x - Half) * (t - One)) + w;
        }
        else
        {
            // 2^58 <= x
            r = x * (Math.Log(x) - One);
        }

        return r;
    }
}
