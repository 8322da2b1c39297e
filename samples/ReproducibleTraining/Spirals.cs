using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace ReproducibleTraining;

/// <summary>A two-class spiral data set (two interleaved arms with noise), drawn from a named OneSeed stream.</summary>
internal sealed record Spirals(float[] X, long[] Labels)
{
    public int Count => Labels.Length;

    public static Spirals Make(uint seed, string name, int count)
    {
        // A function of (seed, name) only, like Seed.CreateStream("spirals", k) after Seed.Everything(seed), but
        // independent of the runtime's state, so a resumed process makes the same data before it restores anything.
        NumPyGenerator rng = new(new Pcg64(new SeedSequence(seed).Derive("spirals", name == "train" ? 0 : 1)));
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
