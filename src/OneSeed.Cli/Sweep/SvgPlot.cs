using System.Globalization;
using System.Security;
using System.Text;

namespace OneSeed.Cli.Sweep;

/// <summary>
/// A self-contained SVG of a sweep: a box plot (quartiles, median, whiskers to the furthest values inside
/// Tukey's fences) above a strip plot with one point per seed (outliers in red), the best and worst seeds labelled.
/// The vertical jitter of a point is a hash of its seed, so the picture is itself reproducible.
/// </summary>
internal static class SvgPlot
{
    private const double Width = 860, Left = 60, Right = 820, BoxY = 80, StripTop = 135, StripBottom = 225, AxisY = 250;

    public static string Render(IReadOnlyList<(long Seed, double Value)> values, SweepStatistics stats, string metric, bool higherIsBetter, int failed)
    {
        double lo = stats.Min, hi = stats.Max;
        if (hi - lo < 1e-12 * Math.Max(1, Math.Abs(hi)))
        {
            lo -= Math.Max(0.5, Math.Abs(lo) * 0.01);
            hi += Math.Max(0.5, Math.Abs(hi) * 0.01);
        }

        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double X(double v) => Left + ((v - lo) / (hi - lo) * (Right - Left));
        var inv = CultureInfo.InvariantCulture;
        string F(double d) => d.ToString("0.##", inv);

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"300\" viewBox=\"0 0 {Width} 300\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{Esc(metric)} over {stats.Count} seeds</text>\n");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"42\" fill=\"#555\">mean {G(stats.Mean)}, sd {G(stats.StandardDeviation)}, median {G(stats.Median)}; outliers (Tukey 1.5 IQR) in red{(failed > 0 ? $"; {failed} failed run(s) not shown" : "")}</text>\n");

        // Box plot.
        double whiskerLo = values.Where(v => v.Value >= stats.LowerFence).Min(v => v.Value);
        double whiskerHi = values.Where(v => v.Value <= stats.UpperFence).Max(v => v.Value);
        sb.Append(inv, $"<line x1=\"{F(X(whiskerLo))}\" y1=\"{BoxY}\" x2=\"{F(X(whiskerHi))}\" y2=\"{BoxY}\" stroke=\"#333\"/>\n");
        foreach (double w in (double[])[whiskerLo, whiskerHi])
        {
            sb.Append(inv, $"<line x1=\"{F(X(w))}\" y1=\"{BoxY - 10}\" x2=\"{F(X(w))}\" y2=\"{BoxY + 10}\" stroke=\"#333\"/>\n");
        }

        sb.Append(inv, $"<rect x=\"{F(X(stats.Q1))}\" y=\"{BoxY - 18}\" width=\"{F(Math.Max(1, X(stats.Q3) - X(stats.Q1)))}\" height=\"36\" fill=\"#cfe2f3\" stroke=\"#333\"/>\n");
        sb.Append(inv, $"<line x1=\"{F(X(stats.Median))}\" y1=\"{BoxY - 18}\" x2=\"{F(X(stats.Median))}\" y2=\"{BoxY + 18}\" stroke=\"#000\" stroke-width=\"2\"/>\n");

        // Strip plot.
        var outliers = stats.Outliers.Select(o => o.Seed).ToHashSet();
        foreach ((long seed, double value) in values)
        {
            double y = StripTop + (Jitter(seed) * (StripBottom - StripTop));
            string color = outliers.Contains(seed) ? "#d62728" : "#1f77b4";
            sb.Append(inv, $"<circle cx=\"{F(X(value))}\" cy=\"{F(y)}\" r=\"3.5\" fill=\"{color}\" fill-opacity=\"0.75\"><title>seed {seed}: {G(value)}</title></circle>\n");
        }

        (long bestSeed, double best, long worstSeed, double worst) = higherIsBetter
            ? (stats.MaxSeed, stats.Max, stats.MinSeed, stats.Min)
            : (stats.MinSeed, stats.Min, stats.MaxSeed, stats.Max);
        Label(sb, X(best), StripTop + (Jitter(bestSeed) * (StripBottom - StripTop)), $"best: seed {bestSeed} ({G(best)})", "#2ca02c");
        if (worstSeed != bestSeed)
        {
            Label(sb, X(worst), StripTop + (Jitter(worstSeed) * (StripBottom - StripTop)), $"worst: seed {worstSeed} ({G(worst)})", "#d62728");
        }

        // Axis.
        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{AxisY}\" x2=\"{Right}\" y2=\"{AxisY}\" stroke=\"#333\"/>\n");
        double step = NiceStep((hi - lo) / 6);
        for (double t = Math.Ceiling(lo / step) * step; t <= hi; t += step)
        {
            double x = X(t);
            sb.Append(inv, $"<line x1=\"{F(x)}\" y1=\"{AxisY}\" x2=\"{F(x)}\" y2=\"{AxisY + 5}\" stroke=\"#333\"/>\n");
            sb.Append(inv, $"<text x=\"{F(x)}\" y=\"{AxisY + 19}\" text-anchor=\"middle\">{G(Math.Abs(t) < step * 1e-9 ? 0 : t)}</text>\n");
        }

        sb.Append(inv, $"<text x=\"{(Left + Right) / 2}\" y=\"292\" text-anchor=\"middle\" fill=\"#555\">{Esc(metric)} ({(higherIsBetter ? "higher" : "lower")} is better)</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Label(StringBuilder sb, double x, double y, string text, string color)
    {
        var inv = CultureInfo.InvariantCulture;
        string anchor = x > (Left + Right) / 2 ? "end" : "start";
        double tx = anchor == "end" ? x - 8 : x + 8;
        sb.Append(inv, $"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"6\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n");
        sb.Append(inv, $"<text x=\"{tx:0.##}\" y=\"{y - 9:0.##}\" text-anchor=\"{anchor}\" fill=\"{color}\" font-weight=\"bold\">{Esc(text)}</text>\n");
    }

    private static double Jitter(long seed)
    {
        ulong h = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        h ^= h >> 31;
        h = unchecked(h * 0xBF58476D1CE4E5B9UL);
        h ^= h >> 29;
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    private static double NiceStep(double raw)
    {
        double exp = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / exp;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * exp;
    }

    private static string G(double d) => d.ToString("G6", CultureInfo.InvariantCulture);

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
