using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Tests.Distributions;

// Bit-exactness against NumPy is proven by the NumPyGenerator golden and live tests; these check the layer itself.
public sealed class ZigguratTests
{
    [Fact]
    public void Transcribed_tables_are_a_consistent_ziggurat()
    {
        // A transcription slip would break these identities far beyond rounding.
        Assert.Equal(256, ZigguratTables.Ki.Length);
        Assert.Equal(256, ZigguratTables.Fe.Length);
        Assert.Equal(0UL, ZigguratTables.Ki[1]);
        Assert.Equal(0UL, ZigguratTables.Ke[1]);
        for (int i = 1; i < 256; i++)
        {
            double xi = ZigguratTables.Wi[i] * 4503599627370496.0;
            Assert.Equal(Math.Exp(-0.5 * xi * xi), ZigguratTables.Fi[i], 1e-14);
            double xe = ZigguratTables.We[i] * 9007199254740992.0;
            Assert.Equal(Math.Exp(-xe), ZigguratTables.Fe[i], 1e-14);
            if (i > 1)
            {
                double prev = ZigguratTables.Wi[i - 1] * 4503599627370496.0;
                Assert.Equal(prev / xi * 4503599627370496.0, ZigguratTables.Ki[i], 4.0);
                double prevE = ZigguratTables.We[i - 1] * 9007199254740992.0;
                Assert.Equal(prevE / xe * 9007199254740992.0, ZigguratTables.Ke[i], 8.0);
                Assert.True(ZigguratTables.Fi[i] < ZigguratTables.Fi[i - 1]);
            }
        }

        Assert.Equal(ZigguratTables.NormalR, ZigguratTables.Wi[255] * 4503599627370496.0, 1e-12);
        Assert.Equal(ZigguratTables.ExponentialR, ZigguratTables.We[255] * 9007199254740992.0, 1e-12);
        Assert.Equal(1.0 / ZigguratTables.NormalR, ZigguratTables.NormalInvR, 1e-16);
    }

    [Fact]
    public void Normal_fill_equals_scalar_draws()
    {
        var a = new Mt19937(2024);
        var b = new Mt19937(2024);
        double[] bulk = new double[5001];
        StandardNormal.Fill(a, bulk.AsSpan(0, 17));
        StandardNormal.Fill(a, bulk.AsSpan(17));
        Assert.Equal(bulk.Select(_ => StandardNormal.Next(b)), bulk);
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Exponential_fill_equals_scalar_draws()
    {
        var a = new Mt19937(77);
        var b = new Mt19937(77);
        double[] bulk = new double[5001];
        StandardExponential.Fill(a, bulk);
        Assert.Equal(bulk.Select(_ => StandardExponential.Next(b)), bulk);
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Samples_have_the_right_moments_and_reach_the_tails()
    {
        var engine = new Mt19937(5);
        double[] n = new double[200000];
        StandardNormal.Fill(engine, n);
        Assert.InRange(n.Average(), -0.01, 0.01);
        Assert.InRange(n.Select(x => x * x).Average(), 0.99, 1.01);
        Assert.Contains(n, x => Math.Abs(x) > ZigguratTables.NormalR);
        double[] e = new double[200000];
        StandardExponential.Fill(engine, e);
        Assert.InRange(e.Average(), 0.99, 1.01);
        Assert.Contains(e, x => x > ZigguratTables.ExponentialR);
        Assert.All(e, x => Assert.True(x >= 0));
    }

    [Fact]
    public void Null_engine_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => StandardNormal.Next(null!));
        Assert.Throws<ArgumentNullException>(() => StandardExponential.Fill(null!, new double[1]));
    }
}
