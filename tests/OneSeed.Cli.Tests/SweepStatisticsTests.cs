using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Cli.Sweep;

namespace OneSeed.Cli.Tests;

public sealed class SweepStatisticsTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.95, 3.85)]
    [InlineData(new[] { 7.0 }, 0.05, 7.0)]
    [InlineData(new[] { 0.0, 10 }, 1.0, 10.0)]
    [InlineData(new[] { 0.0, 10 }, 0.0, 0.0)]
    public void LinearQuantile_KnownValues(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, SweepStatistics.LinearQuantile(sorted, p), 12);

    [Fact]
    public void Quantiles_AreBitIdenticalToNumPyDefault()
    {
        // Fresh random samples every run; NumPy's np.quantile (method="linear") is the oracle.
        int seed = Environment.TickCount;
        var rng = new Random(seed);
        var cases = new List<double[]>();
        for (int i = 0; i < 200; i++)
        {
            int n = rng.Next(1, i < 20 ? 5 : 300);
            double scale = Math.Pow(10, rng.Next(-6, 7));
            // + 0.0 turns -0.0 into 0.0: the two compare equal, so their order after sorting (ours vs NumPy's partition) is arbitrary.
            cases.Add(Enumerable.Range(0, n).Select(_ => Math.Round((rng.NextDouble() - 0.3) * scale, rng.Next(0, 16)) + 0.0).Order().ToArray());
        }

        var request = new JsonArray(cases.Select(c => (JsonNode?)new JsonArray(c.Select(v => (JsonNode?)v.ToString("R", CultureInfo.InvariantCulture)).ToArray())).ToArray());
        string script = "import sys, json, numpy as np\n" +
                        "cases = json.load(sys.stdin)\n" +
                        "ps = [0.05, 0.25, 0.5, 0.75, 0.95]\n" +
                        "print(json.dumps([[float(np.quantile(np.array([float(x) for x in c]), p)).hex() for p in ps] for c in cases]))\n";
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var p = Process.Start(info)!;
        p.StandardInput.Write(request.ToJsonString());
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "the NumPy oracle failed (apt-get install python3-numpy): " + error);

        JsonArray expected = JsonNode.Parse(output)!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            SweepStatistics stats = SweepStatistics.Compute(cases[i].Select((v, k) => ((long)k, v)).ToList())!;
            for (int q = 0; q < SweepStatistics.Probabilities.Length; q++)
            {
                double want = FromHex((string)expected[i]![q]!);
                double got = stats.Quantiles[q].Value;
                Assert.True(BitConverter.DoubleToInt64Bits(want) == BitConverter.DoubleToInt64Bits(got),
                    $"case {i} (n={cases[i].Length}), p={SweepStatistics.Probabilities[q]}: numpy {want:R}, ours {got:R}; replay with Random({seed})");
            }
        }
    }

    [Fact]
    public void MeanStdMinMax_AndTukeyOutliers()
    {
        var values = new List<(long, double)> { (10, 1), (11, 2), (12, 3), (13, 4), (14, 5), (15, 100), (16, -40) };
        SweepStatistics s = SweepStatistics.Compute(values)!;
        double mean = values.Average(v => v.Item2);
        Assert.Equal(mean, s.Mean, 12);
        Assert.Equal(Math.Sqrt(values.Sum(v => (v.Item2 - mean) * (v.Item2 - mean)) / 6), s.StandardDeviation, 12);
        Assert.Equal((16L, -40.0), (s.MinSeed, s.Min));
        Assert.Equal((15L, 100.0), (s.MaxSeed, s.Max));
        // Q1 = 1.5, Q3 = 4.5 (linear), IQR 3: fences -3 and 9.
        Assert.Equal(-3, s.LowerFence, 12);
        Assert.Equal(9, s.UpperFence, 12);
        Assert.Equal([(15L, 100.0), (16L, -40.0)], s.Outliers);
    }

    [Fact]
    public void SingleValue_HasZeroStd_AndNoOutliers()
    {
        SweepStatistics s = SweepStatistics.Compute([(3, 0.5)])!;
        Assert.Equal(0, s.StandardDeviation);
        Assert.Empty(s.Outliers);
        Assert.Null(SweepStatistics.Compute([]));
    }

    [Fact]
    public void Ties_PickTheSmallestSeed()
    {
        SweepStatistics s = SweepStatistics.Compute([(9, 1), (4, 1), (7, 0), (2, 0)])!;
        Assert.Equal(2, s.MinSeed);
        Assert.Equal(4, s.MaxSeed);
    }

    private static double FromHex(string hex) => double.Parse(PythonHexToDouble(hex), CultureInfo.InvariantCulture);

    // Python's float.hex ("0x1.8p+1", "-0x0.0p+0", "inf") to a decimal string with round-trip precision.
    private static string PythonHexToDouble(string hex)
    {
        bool negative = hex.StartsWith('-');
        string h = negative ? hex[1..] : hex;
        if (h == "inf")
        {
            return negative ? "-Infinity" : "Infinity";
        }

        int p = h.IndexOf('p', StringComparison.Ordinal);
        string mantissa = h[2..p];
        int exponent = int.Parse(h[(p + 1)..], CultureInfo.InvariantCulture);
        string[] parts = mantissa.Split('.');
        long intPart = long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        string frac = parts.Length > 1 ? parts[1] : "";
        ulong fracBits = frac.Length == 0 ? 0 : ulong.Parse(frac, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double value = intPart == 0 && fracBits == 0 ? 0 : Math.ScaleB(intPart + (fracBits / Math.Pow(16, frac.Length)), exponent);
        return (negative ? -value : value).ToString("R", CultureInfo.InvariantCulture);
    }
}
