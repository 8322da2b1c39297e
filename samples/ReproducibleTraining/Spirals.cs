using OneSeed;
using OneSeed.Compat;

namespace ReproducibleTraining;

/// <summary>A two-class spiral data set (two interleaved arms with noise), drawn from a named OneSeed stream.</summary>
internal sealed record Spirals(float[] X, long[] Labels)
{
    public int Count => Labels.Length;

    public static Spirals Make(string name, int count)
    {
        // CreateStream: a function of (root seed, name) only, and not part of snapshots (the data is made once).
        NumPyGenerator rng = Seed.CreateStream("spirals", name == "train" ? 0 : 1);
        var x = new float[2 * count];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            long label = i % 2;
            double t = rng.Uniform(0.25, 1.0);
            double angle = 3.0 * Math.PI * t + Math.PI * label;
            x[2 * i] = (float)(t * Math.Cos(angle) + 0.07 * rng.StandardNormal());
            x[2 * i + 1] = (float)(t * Math.Sin(angle) + 0.07 * rng.StandardNormal());
            labels[i] = label;
        }

        return new Spirals(x, labels);
    }
}
