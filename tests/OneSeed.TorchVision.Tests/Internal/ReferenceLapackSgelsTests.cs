using System.Text.Json.Nodes;
using OneSeed.TorchVision.Internal;
using OneSeed.TorchVision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.TorchVision.Tests.Internal;

/// <summary>
/// The SGELS transcription against torch 1.13's <c>torch.linalg.lstsq(driver="gels")</c> (reference LAPACK 3.11 on
/// Debian) beyond the perspective system: fresh float32 systems of several shapes and magnitudes every run, including
/// ones SGELS scales (largest entry below 2^-103 or above 2^103), tall ones (least squares) and rank-deficient ones.
/// </summary>
public sealed class ReferenceLapackSgelsTests(ITestOutputHelper output)
{
    [Fact]
    public void Solutions_are_torch_gels_bit_for_bit()
    {
        var d = new TransformDifferential(output);
        var cases = new List<(int M, int N, float[] A, float[] B)>();
        for (int k = 0; k < 300; k++)
        {
            int n = d.Seeds.Int(1, 9);
            int m = n + (d.Seeds.Bool() ? 0 : d.Seeds.Int(1, 5));
            float scale = d.Seeds.Int(0, 6) switch
            {
                0 => 1e-35f,
                1 => 1e34f,
                2 => 1e-20f,
                _ => 1f,
            };
            float bScale = d.Seeds.Int(0, 6) == 0 ? 1e-36f : 1f;
            float[] a = [.. Enumerable.Range(0, m * n).Select(_ => (float)(d.Seeds.Double() - 0.5) * scale * (d.Seeds.Int(0, 4) == 0 ? 1000f : 1f))];
            if (d.Seeds.Int(0, 10) == 0)
            {
                // A zero column: rank-deficient, which gels reports and torch refuses.
                int column = d.Seeds.Int(0, n);
                Array.Clear(a, column * m, m);
            }

            float[] b = [.. Enumerable.Range(0, m).Select(_ => (float)(d.Seeds.Double() - 0.5) * bScale)];
            cases.Add((m, n, a, b));
        }

        static JsonArray Bits(float[] values) => new(values.Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v)).ToArray());
        JsonArray results = VisionOracle.Run("gels", [], cases.Select(c => new JsonObject { ["m"] = c.M, ["n"] = c.N, ["a"] = Bits(c.A), ["b"] = Bits(c.B) }));
        int refused = 0;
        for (int k = 0; k < cases.Count; k++)
        {
            var (m, n, a, b) = cases[k];
            float[] x = (float[])b.Clone();
            bool solved = ReferenceLapackSgels.Solve((float[])a.Clone(), m, n, x);
            string where = $"case {k} ({m} x {n}) {d.Seeds.Replay}";
            if (results[k] is null)
            {
                refused++;
                Assert.False(solved, $"torch refused the system, the transcription solved it: {where}");
                continue;
            }

            Assert.True(solved, $"the transcription refused a system torch solved: {where}");
            uint[] expected = [.. results[k]!.AsArray().Select(v => (uint)v!)];
            uint[] actual = [.. x.Take(n).Select(BitConverter.SingleToUInt32Bits)];
            Assert.True(expected.SequenceEqual(actual), $"[{string.Join(", ", actual)}] vs torch's [{string.Join(", ", expected)}] in {where}");
        }

        output.WriteLine($"{cases.Count} systems, {refused} refused as rank-deficient by both");
    }
}
