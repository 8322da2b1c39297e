using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Distributions.Multivariate;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Tests.Compat;

/// <summary>
/// <c>MultivariateNormal</c> of both façades against NumPy's <c>Generator.multivariate_normal</c> and
/// <c>RandomState.multivariate_normal</c> (tests/oracles/numpy_mvn.py): fresh means and covariances of every kind
/// each run, every method and several engines; values within the documented tolerance, NumPy's validity test
/// agreeing, and the engine (and the legacy Gaussian cache) exactly where NumPy's is after the calls.
/// </summary>
public sealed class NumPyMultivariateNormalTests(ITestOutputHelper output)
{
    private const string Oracle = "numpy_mvn.py";

    /// <summary>The documented tolerance: |ours − NumPy's| ≤ 1e-10 × the largest |NumPy value| in the sample row.</summary>
    private const double Tolerance = 1e-10;

    private static readonly string[] Methods = ["svd", "eigh", "cholesky"];

    [Fact]
    public void Live_generator_matches_numpy_for_every_method_and_engine()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var calls = new List<List<Call>>();
        for (int i = 0; i < 150; i++)
        {
            List<Call> list = Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => RandomCall(seeds, seeds.Pick(Methods))).ToList();
            calls.Add(list);
            cases.Add(new JsonObject
            {
                ["bitgen"] = seeds.Pick(NumPyGeneratorCalls.Engines),
                ["seed"] = JsonAssert.Big(seeds.BigSeed()),
                ["calls"] = new JsonArray(list.Select(c => (JsonNode)c.ToJson(withMethod: true)).ToArray()),
            });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "generator", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        var stats = new Stats();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case {i} ({cases[i]!["bitgen"]}, seed {cases[i]!["seed"]}) {seeds.Replay}";
            var g = new NumPyGenerator(NumPyGeneratorCalls.CreateEngine((string)cases[i]!["bitgen"]!, JsonAssert.ToBig(cases[i]!["seed"])));
            JsonArray expected = results[i]!["results"]!.AsArray();
            for (int c = 0; c < calls[i].Count; c++)
            {
                Call call = calls[i][c];
                if (call.NormalsBefore > 0)
                {
                    g.StandardNormal(call.NormalsBefore);
                }

                CheckCall(
                    call,
                    expected[c]!,
                    () => g.BitGenerator.GetStateJson(),
                    () => call.Size is int size ? Flatten(g.MultivariateNormal(call.Mean, call.Cov, size, call.CheckValid, call.Tol, call.Method)) : g.MultivariateNormal(call.Mean, call.Cov, call.CheckValid, call.Tol, call.Method),
                    legacy: false,
                    stats,
                    $"{context}, call {c} ({call})");
            }

            ulong[] tail = JsonAssert.UInt64s(results[i]!["tail_u64"]);
            JsonAssert.Equal(tail, tail.Select(_ => g.BitGenerator.NextUInt64()).ToArray(), context + ": engine draws after the calls");
            BitGenerator numpyState = BitGenerators.FromStateJson((string)results[i]!["state"]!);
            Assert.True(numpyState.NextUInt64() == tail[0], context + ": NumPy's state after the calls");
        }

        output.WriteLine($"Generator.multivariate_normal: {stats} {seeds.Replay}");
    }

    [Fact]
    public void Live_random_state_matches_numpy_with_its_gaussian_cache()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var calls = new List<List<Call>>();
        var seedValues = new List<uint>();
        for (int i = 0; i < 120; i++)
        {
            List<Call> list = Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => RandomCall(seeds, "svd")).ToList();
            calls.Add(list);
            uint seed = seeds.UInt32();
            seedValues.Add(seed);
            cases.Add(new JsonObject { ["seed"] = seed, ["calls"] = new JsonArray(list.Select(c => (JsonNode)c.ToJson(withMethod: false)).ToArray()) });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "legacy", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        var stats = new Stats();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case {i} (RandomState({seedValues[i]})) {seeds.Replay}";
            var rs = new NumPyRandomState(seedValues[i]);
            JsonArray expected = results[i]!["results"]!.AsArray();
            for (int c = 0; c < calls[i].Count; c++)
            {
                Call call = calls[i][c];
                if (call.NormalsBefore > 0)
                {
                    rs.StandardNormal(call.NormalsBefore);
                }

                CheckCall(
                    call,
                    expected[c]!,
                    rs.GetStateJson,
                    () => call.Size is int size ? Flatten(rs.MultivariateNormal(call.Mean, call.Cov, size, call.CheckValid, call.Tol)) : rs.MultivariateNormal(call.Mean, call.Cov, call.CheckValid, call.Tol),
                    legacy: true,
                    stats,
                    $"{context}, call {c} ({call})");
            }

            // The whole legacy state, Gaussian cache included, read back through OneSeed's own writer.
            var numpy = new NumPyRandomState(0);
            numpy.SetStateJson((string)results[i]!["state"]!);
            Assert.True(numpy.GetStateJson() == rs.GetStateJson(), context + ": RandomState state (key, position, has_gauss, gauss) after the calls");
        }

        output.WriteLine($"RandomState.multivariate_normal: {stats} {seeds.Replay}");
    }

    [Theory]
    [InlineData("svd")]
    [InlineData("eigh")]
    [InlineData("cholesky")]
    public void NumPy_known_values_generator(string method)
    {
        // numpy/random/tests/test_generator_mt19937.py, TestRandomDist.test_multivariate_normal (seed 1234567890).
        var random = new NumPyGenerator(BitGenerators.Create("MT19937", 1234567890));
        double[] mean = [.123456789, 10];
        double[,] cov = { { 1, 0 }, { 0, 1 } };
        double[] desired =
        [
            -1.747478062846581, 11.25613495182354, -0.9967333370066214, 10.342002097029821,
            0.7850019631242964, 11.181113712443013, 0.8901349653255224, 8.873825399642492,
            0.7130260107430003, 9.551628690083056, 0.7127098726541128, 11.991709234143173,
        ];
        AssertAlmostEqual(desired, Flatten(random.MultivariateNormal(mean, cov, 6, method: method)));
        AssertAlmostEqual([0.233278563284287, 9.424140804347195], random.MultivariateNormal(mean, cov, method: method));

        // The rest of NumPy's test: validity checks, warnings and refusals.
        double[] zero = [0, 0];
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, new double[,] { { 1, 2 }, { 1, 2 } }, checkValid: "raise"));
        double[,] indefinite = { { 1, 2 }, { 2, 1 } };
        Assert.False(MultivariateNormalFactor.Create(zero, indefinite, "warn", 1e-8, "svd", legacy: false).PassedCheck);
        Assert.False(MultivariateNormalFactor.Create(zero, indefinite, "warn", 1e-8, "eigh", legacy: false).PassedCheck);
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, indefinite, method: "cholesky"));
        Assert.True(MultivariateNormalFactor.Create(zero, indefinite, "ignore", 1e-8, "svd", legacy: false).PassedCheck);
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, indefinite, checkValid: "raise"));
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, indefinite, checkValid: "raise", method: "eigh"));

        double[,] ones = { { 1, 1 }, { 1, 1 } };
        if (method != "cholesky")
        {
            double[,] samples = random.MultivariateNormal(zero, ones, 6, method: method);
            for (int r = 0; r < 6; r++)
            {
                Assert.Equal(samples[r, 0], samples[r, 1], 6);
            }
        }
        else
        {
            Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, ones, method: "cholesky"));
        }

        // A float32 covariance, cast to double as NumPy casts it: no warning.
        double[,] single = { { 1, (float)0.1 }, { (float)0.1, 1 } };
        Assert.True(MultivariateNormalFactor.Create(zero, single, "warn", 1e-8, method, legacy: false).PassedCheck);
        random.MultivariateNormal(zero, single, method: method);

        double[,] eye2 = { { 1, 0 }, { 0, 1 } };
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, eye2, checkValid: "other"));
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, new double[3, 2]));
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }));
    }

    [Fact]
    public void NumPy_known_values_random_state()
    {
        // numpy/random/tests/test_randomstate.py, TestRandomDist.test_multivariate_normal (seed 1234567890).
        var random = new NumPyRandomState(1234567890);
        double[] mean = [.123456789, 10];
        double[,] cov = { { 1, 0 }, { 0, 1 } };
        double[] desired =
        [
            1.463620246718631, 11.73759122771936, 1.622445133300628, 9.771356667546383,
            2.154490787682787, 12.170324946056553, 1.719909438201865, 9.230548443648306,
            0.689515026297799, 9.880729819607714, -0.023054015651998, 9.201096623542879,
        ];
        AssertAlmostEqual(desired, Flatten(random.MultivariateNormal(mean, cov, 6)));
        AssertAlmostEqual([0.895289569463708, 9.17180864067987], random.MultivariateNormal(mean, cov));

        double[] zero = [0, 0];
        double[,] indefinite = { { 1, 2 }, { 2, 1 } };
        Assert.False(MultivariateNormalFactor.Create(zero, indefinite, "warn", 1e-8, "svd", legacy: true).PassedCheck);
        Assert.True(MultivariateNormalFactor.Create(zero, indefinite, "ignore", 1e-8, "svd", legacy: true).PassedCheck);
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, indefinite, checkValid: "raise"));
        double[,] single = { { 1, (float)0.1 }, { (float)0.1, 1 } };
        Assert.True(MultivariateNormalFactor.Create(zero, single, "warn", 1e-8, "svd", legacy: true).PassedCheck);
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, cov, checkValid: "other"));
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, new double[3, 2]));
        Assert.Throws<ArgumentException>(() => random.MultivariateNormal(zero, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }));
    }

    [Fact]
    public void Invalid_arguments_throw_before_any_draw_and_leave_the_state_unchanged()
    {
        var g = new NumPyGenerator(new Pcg64(3));
        var rs = new NumPyRandomState(3);
        rs.StandardNormal(); // a cached Gaussian is part of the state that must survive
        string generatorBefore = g.BitGenerator.GetStateJson();
        string legacyBefore = rs.GetStateJson();
        double[] mean = [1, 2];
        double[,] cov = { { 2, 1 }, { 1, 2 } };
        double[,] indefinite = { { 1, 2 }, { 2, 1 } };

        var refusals = new (string Name, Action Call)[]
        {
            ("null mean", () => g.MultivariateNormal(null!, cov, 3)),
            ("null cov", () => g.MultivariateNormal(mean, null!, 3)),
            ("null check_valid", () => g.MultivariateNormal(mean, cov, 3, checkValid: null!)),
            ("null method", () => g.MultivariateNormal(mean, cov, 3, method: null!)),
            ("negative size", () => g.MultivariateNormal(mean, cov, -1)),
            ("bad method", () => g.MultivariateNormal(mean, cov, 3, method: "qr")),
            ("bad method case", () => g.MultivariateNormal(mean, cov, 3, method: "SVD")),
            ("bad check_valid", () => g.MultivariateNormal(mean, cov, 3, checkValid: "error")),
            ("bad check_valid with cholesky", () => g.MultivariateNormal(mean, cov, 3, checkValid: "error", method: "cholesky")),
            ("empty mean", () => g.MultivariateNormal([], new double[0, 0], 3)),
            ("cov not square", () => g.MultivariateNormal(mean, new double[2, 3], 3)),
            ("lengths differ", () => g.MultivariateNormal([1, 2, 3], cov, 3)),
            ("NaN in cov", () => g.MultivariateNormal(mean, new double[,] { { 1, double.NaN }, { 0, 1 } }, 3)),
            ("infinity in cov (eigh reads the lower triangle)", () => g.MultivariateNormal(mean, new double[,] { { 1, 0 }, { double.PositiveInfinity, 1 } }, 3, method: "eigh")),
            ("not PSD, raise", () => g.MultivariateNormal(mean, indefinite, 3, checkValid: "raise")),
            ("not PSD, raise, eigh", () => g.MultivariateNormal(mean, indefinite, checkValid: "raise", method: "eigh")),
            ("not PD, cholesky", () => g.MultivariateNormal(mean, indefinite, 3, method: "cholesky")),
            ("singular, cholesky", () => g.MultivariateNormal(mean, new double[,] { { 1, 1 }, { 1, 1 } }, method: "cholesky")),
            ("size·k too large", () => g.MultivariateNormal(mean, cov, int.MaxValue)),
            ("legacy null mean", () => rs.MultivariateNormal(null!, cov, 3)),
            ("legacy negative size", () => rs.MultivariateNormal(mean, cov, -2)),
            ("legacy bad check_valid", () => rs.MultivariateNormal(mean, cov, 3, checkValid: "other")),
            ("legacy cov not square", () => rs.MultivariateNormal(mean, new double[3, 2], 3)),
            ("legacy lengths differ", () => rs.MultivariateNormal(mean, Identity(3))),
            ("legacy infinity in cov", () => rs.MultivariateNormal(mean, new double[,] { { 1, double.NegativeInfinity }, { 0, 1 } })),
            ("legacy not PSD, raise", () => rs.MultivariateNormal(mean, indefinite, 3, checkValid: "raise")),
        };
        foreach ((string name, Action call) in refusals)
        {
            Exception? thrown = Record.Exception(call);
            Assert.True(thrown is ArgumentException, $"{name}: expected an ArgumentException, got {thrown?.GetType().Name ?? "nothing"}.");
            Assert.True(generatorBefore == g.BitGenerator.GetStateJson(), $"{name}: the Generator's engine moved.");
            Assert.True(legacyBefore == rs.GetStateJson(), $"{name}: the RandomState's state moved.");
        }

        Assert.Equal("cov", Assert.Throws<ArgumentException>(() => g.MultivariateNormal(mean, indefinite, checkValid: "raise")).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => g.MultivariateNormal(mean, cov, method: "qr")).ParamName);
        Assert.Equal("checkValid", Assert.Throws<ArgumentException>(() => rs.MultivariateNormal(mean, cov, checkValid: "x")).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => g.MultivariateNormal(mean, cov, -1)).ParamName);
        Assert.Contains("positive-semidefinite", Assert.Throws<ArgumentException>(() => rs.MultivariateNormal(mean, indefinite, checkValid: "raise")).Message, StringComparison.Ordinal);

        // "warn" and "ignore" sample an indefinite covariance as NumPy does; an empty request draws nothing.
        Assert.Equal(2, g.MultivariateNormal(mean, indefinite, checkValid: "warn").Length);
        Assert.Equal(2, rs.MultivariateNormal(mean, indefinite, checkValid: "ignore").Length);
        string afterDraws = g.BitGenerator.GetStateJson();
        Assert.Equal(0, g.MultivariateNormal(mean, cov, 0).GetLength(0));
        Assert.Equal(afterDraws, g.BitGenerator.GetStateJson());
    }

    [Fact]
    public void Rows_are_the_one_sample_form_repeated()
    {
        // The size form is the single form row after row, for every method, at a dimension past every crossover.
        const int k = 140;
        double[,] cov = Identity(k);
        for (int i = 1; i < k; i++)
        {
            cov[i, i - 1] = cov[i - 1, i] = 0.3;
        }

        double[] mean = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        foreach (string method in Methods)
        {
            var a = new NumPyGenerator(new Sfc64(9));
            var b = new NumPyGenerator(new Sfc64(9));
            double[,] rows = a.MultivariateNormal(mean, cov, 5, method: method);
            for (int r = 0; r < 5; r++)
            {
                double[] one = b.MultivariateNormal(mean, cov, method: method);
                Assert.Equal(one, Enumerable.Range(0, k).Select(i => rows[r, i]));
            }

            Assert.Equal(a.BitGenerator.NextUInt64(), b.BitGenerator.NextUInt64());
        }
    }

    private static Call RandomCall(LiveSeeds seeds, string method)
    {
        // Mostly 1..25 (LAPACK's small-problem paths), now and then beyond (divide and conquer, blocked reductions).
        bool large = seeds.Int(0, 12) == 0;
        int k = large ? seeds.Int(ReferenceLapack.SmallSize + 1, 150) : CovarianceCases.Dimension(seeds, ReferenceLapack.SmallSize);
        double[,] cov = CovarianceCases.Create(seeds, seeds.Pick(CovarianceCases.Kinds), k);
        int? size = seeds.Int(0, 5) == 0 ? null : seeds.Int(0, 20) == 0 ? 0 : !large && seeds.Int(0, 10) == 0 ? seeds.Int(100, 400) : seeds.Int(1, 30);
        string checkValid = seeds.Int(0, 4) switch { 0 => "ignore", 1 => "raise", _ => "warn" };
        double tol = seeds.Int(0, 10) < 7 ? 1e-8 : Math.Pow(10, (seeds.Double() * 12) - 14);
        int normalsBefore = seeds.Int(0, 3) == 0 ? seeds.Int(1, 4) : 0;
        return new Call(CovarianceCases.Mean(seeds, k), cov, size, checkValid, tol, method, normalsBefore);
    }

    private static void CheckCall(Call call, JsonNode expected, Func<string> state, Func<double[]> sample, bool legacy, Stats stats, string where)
    {
        if (expected["error"] is not null)
        {
            string before = state();
            Exception? thrown = Record.Exception(() => sample());
            Assert.True(thrown is ArgumentException, $"{where}: NumPy raised {expected["error"]} ({expected["message"]}); OneSeed {(thrown is null ? "accepted it" : "threw " + thrown.GetType().Name)}.");
            Assert.True(before == state(), $"{where}: a refused call changed the state.");
            stats.Refusals++;
            return;
        }

        double[] actual;
        try
        {
            actual = sample();
        }
        catch (ArgumentException e)
        {
            Assert.Fail($"{where}: NumPy sampled, OneSeed threw {e.GetType().Name}: {e.Message}");
            return;
        }

        if (call.CheckValid == "warn")
        {
            bool passed = MultivariateNormalFactor.Create(call.Mean, call.Cov, "warn", call.Tol, call.Method, legacy).PassedCheck;
            Assert.True(passed == !(bool)expected["warned"]!, $"{where}: NumPy {((bool)expected["warned"]! ? "warned" : "did not warn")}, OneSeed's test {(passed ? "passed" : "failed")}.");
        }

        double[] want = JsonAssert.DoubleBits(expected["values"]);
        Assert.True(want.Length == actual.Length, $"{where}: NumPy returned {want.Length} values, OneSeed {actual.Length}.");
        int k = call.Mean.Length;
        for (int r = 0; r < want.Length / k; r++)
        {
            double scale = 0.0;
            for (int i = 0; i < k; i++)
            {
                scale = Math.Max(scale, Math.Abs(want[(r * k) + i]));
            }

            for (int i = 0; i < k; i++)
            {
                double e = want[(r * k) + i];
                double a = actual[(r * k) + i];
                double difference = Math.Abs(a - e);
                Assert.True(difference <= Tolerance * scale, $"{where}: row {r}, entry {i}: NumPy {e:R}, OneSeed {a:R} (difference {difference:E3}, allowed {Tolerance * scale:E3}).");
                stats.Add(BitConverter.DoubleToUInt64Bits(a) == BitConverter.DoubleToUInt64Bits(e), scale == 0 ? 0 : difference / scale);
            }
        }

        stats.Calls++;
    }

    private static void AssertAlmostEqual(double[] desired, double[] actual)
    {
        // NumPy's assert_array_almost_equal(actual, desired, decimal=15): |desired − actual| < 1.5e-15.
        Assert.Equal(desired.Length, actual.Length);
        for (int i = 0; i < desired.Length; i++)
        {
            Assert.True(Math.Abs(desired[i] - actual[i]) < 1.5e-15, $"entry {i}: NumPy's test expects {desired[i]:R}, got {actual[i]:R}.");
        }
    }

    private static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();

    private static double[,] Identity(int k)
    {
        var m = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            m[i, i] = 1.0;
        }

        return m;
    }

    private sealed record Call(double[] Mean, double[,] Cov, int? Size, string CheckValid, double Tol, string Method, int NormalsBefore)
    {
        public JsonObject ToJson(bool withMethod)
        {
            var o = new JsonObject
            {
                ["mean_bits"] = CovarianceCases.Bits(Mean),
                ["cov_bits"] = CovarianceCases.Bits(Cov),
                ["size"] = Size,
                ["check_valid"] = CheckValid,
                ["tol_bits"] = BitConverter.DoubleToUInt64Bits(Tol),
                ["normals_before"] = NormalsBefore,
            };
            if (withMethod)
            {
                o["method"] = Method;
            }

            return o;
        }

        public override string ToString() => $"k = {Mean.Length}, size = {Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"}, method = {Method}, check_valid = {CheckValid}, tol = {Tol:R}";
    }

    private sealed class Stats
    {
        public int Calls { get; set; }

        public int Refusals { get; set; }

        public long Values { get; private set; }

        public long Identical { get; private set; }

        public double WorstRelative { get; private set; }

        public void Add(bool identical, double relative)
        {
            Values++;
            Identical += identical ? 1 : 0;
            WorstRelative = Math.Max(WorstRelative, relative);
        }

        public override string ToString() => $"{Calls} sampling calls ({Values} values, {Identical} bit-identical, worst difference {WorstRelative:E3} of the row scale), {Refusals} refusals agreed";
    }
}
