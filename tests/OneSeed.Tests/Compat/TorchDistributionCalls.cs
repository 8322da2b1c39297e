using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Runs the call sequences of tests/oracles/torch_distribution_samplers.py on a <see cref="TorchGenerator"/>, with
/// outputs in the oracle's JSON shape (arrays as IEEE bit patterns, 2-D arrays flat with their row count, 0 rows
/// for a 1-D tensor); the generator's own calls go through <see cref="TorchCalls"/>. A refused call answers
/// <c>{"error": message}</c>, as the oracle does for torch's refusals.
/// </summary>
internal static class TorchDistributionCalls
{
    public static JsonNode? Run(TorchGenerator g, JsonArray call)
    {
        try
        {
            return RunSampler(g, call);
        }
        catch (ArgumentException e)
        {
            return new JsonObject { ["error"] = e.Message };
        }
    }

    public static JsonArray RunAll(TorchGenerator g, JsonArray calls) => new([.. calls.Select(c => Run(g, c!.AsArray()))]);

    public static JsonArray Bits(float[] values) => new([.. values.Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v))]);

    public static JsonArray Bits(double[] values) => new([.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))]);

    public static JsonArray Bits(bool float32, double[] values) => float32 ? Bits([.. values.Select(v => (float)v)]) : Bits(values);

    private static JsonNode? RunSampler(TorchGenerator g, JsonArray call)
    {
        string name = (string)call[0]!;
        if (name is not ("multinomial" or "poisson" or "binomial" or "standard_gamma" or "dirichlet" or "exponential"))
        {
            return TorchCalls.Run(g, call);
        }

        bool f32 = (string)call[1]! == "float32";
        switch (name)
        {
            case "multinomial":
            {
                int rows = (int)call[2]!;
                int k = (int)call[3]!;
                int numSamples = (int)call[5]!;
                bool replacement = (bool)call[6]!;
                if (f32)
                {
                    float[] p = Floats(call[4]);
                    return Longs(rows == 0 ? g.Multinomial(p, numSamples, replacement) : Flat(g.Multinomial(ToMatrix(p, rows, k), numSamples, replacement)));
                }
                else
                {
                    double[] p = Doubles(call[4]);
                    return Longs(rows == 0 ? g.Multinomial(p, numSamples, replacement) : Flat(g.Multinomial(ToMatrix(p, rows, k), numSamples, replacement)));
                }
            }

            case "poisson":
                return f32 ? Bits(g.Poisson(Floats(call[2]))) : Bits(g.Poisson(Doubles(call[2])));
            case "binomial":
                return f32 ? Bits(g.Binomial(Floats(call[2]), Floats(call[3]))) : Bits(g.Binomial(Doubles(call[2]), Doubles(call[3])));
            case "standard_gamma":
                return f32 ? Bits(g.StandardGamma(Floats(call[2]))) : Bits(g.StandardGamma(Doubles(call[2])));
            case "dirichlet":
            {
                int rows = (int)call[2]!;
                int k = (int)call[3]!;
                if (f32)
                {
                    float[] a = Floats(call[4]);
                    if (rows == 0)
                    {
                        float[] r = new float[a.Length];
                        g.Dirichlet(a, r);
                        return Bits(r);
                    }

                    return Bits(Flat(g.Dirichlet(ToMatrix(a, rows, k))));
                }
                else
                {
                    double[] a = Doubles(call[4]);
                    if (rows == 0)
                    {
                        double[] r = new double[a.Length];
                        g.Dirichlet(a, r);
                        return Bits(r);
                    }

                    return Bits(Flat(g.Dirichlet(ToMatrix(a, rows, k))));
                }
            }

            default:
            {
                double lambd = BitConverter.UInt64BitsToDouble((ulong)call[2]!);
                int n = (int)call[3]!;
                return f32 ? Bits(g.Exponential(lambd, n)) : Bits(g.ExponentialDouble(lambd, n));
            }
        }
    }

    private static float[] Floats(JsonNode? node) => JsonAssert.UInt32s(node).Select(BitConverter.UInt32BitsToSingle).ToArray();

    private static double[] Doubles(JsonNode? node) => JsonAssert.DoubleBits(node);

    private static JsonArray Longs(long[] values) => new([.. values.Select(v => (JsonNode)v)]);

    private static T[,] ToMatrix<T>(T[] values, int rows, int k)
    {
        var m = new T[rows, k];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < k; j++)
            {
                m[r, j] = values[(r * k) + j];
            }
        }

        return m;
    }

    private static T[] Flat<T>(T[,] m) => [.. m.Cast<T>()];
}
