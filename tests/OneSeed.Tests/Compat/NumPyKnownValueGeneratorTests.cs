using System.Numerics;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;
using static OneSeed.Tests.Compat.NumPyKnownValueAssert;

namespace OneSeed.Tests.Compat;

// NumPy's own known-value tests for numpy.random.Generator, ported.
//
// Source: numpy/random/tests/test_generator_mt19937.py of NumPy 1.24.2, as installed by Debian's python3-numpy
// (/usr/lib/python3/dist-packages/numpy/random/tests/). Every expected array and value below is copied from that file
// unchanged (the numbers were produced by NumPy itself); each test names the NumPy test class and function it ports.
// The precision is NumPy's own: assert_array_equal is exact equality, assert_array_almost_equal(..., decimal=d) is
// abs(desired - actual) < 1.5 * 10**(-d), assert_array_almost_equal_nulp and assert_allclose as NumPy defines them.
//
// Translation rules:
// - Generator(MT19937(seed)) is new NumPyGenerator(new Mt19937(seed)) (seeded through SeedSequence, as NumPy).
// - NumPy's size=(3, 2) is size: 6 here (a flat array, the same values in C order); vector-valued results
//   (dirichlet, multinomial, multivariate_hypergeometric) are [size, k] arrays compared flattened.
// - Where NumPy broadcasts parameter arrays (TestBroadcast, the array forms of TestIntegers), a loop of scalar calls in
//   C order draws the same values (NumPy's broadcasting calls the same C sampler once per element, in C order).
// - NumPy's integer parameters given as floats (binomial(100.123, ...), hypergeometric(10.1, 5.5, 14)) are cast to
//   int64 by NumPy (truncated): they are written here as the truncated integers.
// - assert_raises(ValueError, ...) (and OverflowError from uniform's range check) is Assert.ThrowsAny<ArgumentException>
//   (OneSeed throws ArgumentException or its subclass ArgumentOutOfRangeException, as documented).
//
// Cases NOT ported, and why:
// - TestSeed.test_invalid_scalar/test_invalid_array with floats (TypeError) or negative entries in an array, and
//   test_noninstantized_bitgen: not expressible in C#'s types (a uint[] cannot hold -1 or 2**32; a class cannot be
//   passed for an instance). MT19937(-1) is ported.
// - TestMultinomial.test_size for tuple sizes and float sizes, test_p_non_contiguous (memory layout),
//   test_multinomial_pvals_float32 (float32 pvals): not expressible (flat int sizes, double[] pvals only).
// - TestMultivariateHypergeometric.test_argument_validation's scalar `colors` (10): not expressible (long[] only).
// - TestIntegers for dtypes other than int64 (bool, int8, uint8, int16, uint16, int32, uint32): being added by another
//   helper as Integers(long low, long high, Span<T> destination, bool endpoint); uint64 has no API in OneSeed.
//   For int64, the bounds beyond long (lbnd - 1, ubnd + 1, 2**63 as an exclusive high, 2**64) are not expressible,
//   so the cases that need them (test_bounds_checking's first two lines, test_rng_zero_and_extremes's tgt = 2**63 - 1
//   with an open interval, test_full_range and test_scalar_array_equiv with endpoint=False,
//   test_int64_uint64_corner_case with endpoint=False, most of test_int64_uint64_broadcast_exceptions, object arrays)
//   are skipped; every int64 case that fits in long is ported. test_unsupported_type, test_respect_dtype_*,
//   test_error_byteorder (dtypes), test_integers_small_dtype_chisquared (int8/uint8/int16/uint16): skipped.
// - TestRandomDist.test_integers_masked: dtype=np.uint32 (the other helper's dtypes).
// - TestRandomDist.test_random_float, test_random_float_scalar, test_random_distribution_of_lsb[float32],
//   test_standard_gammma_scalar_float, test_standard_gamma_float, test_standard_gammma_float_out: float32 dtypes.
// - test_random_unsupported_type, test_standard_expoential_type_error, test_standard_normal_unsupported_type,
//   test_standard_gamma_unknown_type, test_out_size_mismatch, test_scalar_exception_propagation: Python typing / out=.
// - TestRandomDist.test_standard_exponential: it uses method='inv' (-log1p(-U)); OneSeed's
//   NumPyGenerator.StandardExponential has only NumPy's default method ('zig'), so the case is not expressible.
// - test_choice_multidimensional_custom_axis / default_axis, test_choice_noninteger: OneSeed's Choice draws indices;
//   NumPy draws exactly those indices and then takes a[idx] (along the axis), so these are ported as Choice plus indexing.
// - test_choice_return_shape (scalar vs 0-d array vs shape checks, object arrays), test_choice_p_non_contiguous,
//   test_choice_return_type: shapes, memory layout and dtypes; only their zero-size and error parts are ported.
// - test_shuffle's complex64/recarray/structured conversions: ported with stand-ins (Complex, value tuples), because
//   NumPy's shuffle moves whole items by the same random_interval draws whatever their dtype.
// - test_shuffle_custom_axis, test_shuffle_custom_axis_empty, test_shuffle_axis_nonsquare, test_shuffle_exceptions,
//   test_permutation_custom_axis, test_permutation_exceptions, test_permutation's string/float errors: shuffling or
//   permuting a multi-dimensional array along an axis other than 0, and Python-type errors, are not expressible.
// - test_shuffle_masked (masked arrays), test_shuffle_not_writeable (read-only arrays): not expressible.
// - test_permuted, test_permuted_with_strides, test_permuted_empty, test_permuted_out_with_wrong_shape,
//   test_permuted_out_with_wrong_type, test_permuted_not_writeable: OneSeed has no permuted.
// - test_dirichlet_size (tuple sizes), test_dirichlet_bad_alpha's 2-d alphas, test_dirichlet_alpha_non_contiguous:
//   not expressible; test_dirichlet_moderately_small_alpha: a statistical check over 20,000,000 vectors (marked slow
//   in NumPy), not a known value.
// - test_multivariate_normal (all methods), test_multivariate_normal_disallow_complex,
//   test_multivariate_normal_basic_stats: multivariate_normal is being added by another helper (SVD/eigh through
//   LAPACK, so only within about 1e-10 of NumPy, not at NumPy's decimal=15).
// - TestBroadcast.test_multinomial_pval_broadcast, test_empty_outputs, test_invalid_pvals_broadcast's scalar pvals:
//   broadcasting shapes over 2-d pvals and scalar pvals are not expressible; the 1-d cases are ported.
// - TestThread (threading), test_broadcast_size_error and test_broadcast_size_scalar (size vs broadcast shape),
//   test_c_contig_req_out and test_contig_req_out (out= memory order), test_generator_ctor_old_style_pickle (pickling).
// - TestSingleEltArrayInput checks only shapes; it is ported as "a size-1 call returns one value, the scalar call's".
public sealed class NumPyKnownValueGeneratorTests
{
    // TestRandomDist.setup_method
    private static readonly BigInteger Seed = 1234567890;

    // TestBroadcast.setup_method
    private static readonly BigInteger BroadcastSeed = 123456789;

    private static NumPyGenerator Gen(BigInteger seed) => new(new Mt19937(seed));

    private static void Refused(Action call) => Assert.ThrowsAny<ArgumentException>(call);

    // ---------------------------------------------------------------- TestSeed

    [Fact]
    public void TestSeed_scalar()
    {
        Assert.Equal(479, Gen(0).Integers(0, 1000));
        Assert.Equal(324, Gen(4294967295).Integers(0, 1000));
    }

    [Fact]
    public void TestSeed_array()
    {
        // MT19937(range(10)) and MT19937(np.arange(10)): SeedSequence over the words 0..9.
        uint[] range10 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(465, new NumPyGenerator(new Mt19937(new SeedSequence(range10))).Integers(0, 1000));
        Assert.Equal(479, new NumPyGenerator(new Mt19937(new SeedSequence([0u]))).Integers(0, 1000));
        Assert.Equal(324, new NumPyGenerator(new Mt19937(new SeedSequence([4294967295u]))).Integers(0, 1000));
    }

    [Fact]
    public void TestSeed_seedsequence()
    {
        var s = new Mt19937(new SeedSequence(0));
        Assert.Equal(2058676884u, s.NextUInt32()); // random_raw(1)
    }

    [Fact]
    public void TestSeed_invalid_scalar()
    {
        Refused(() => _ = new Mt19937(-1));
    }

    // ---------------------------------------------------------------- TestBinomial

    [Fact]
    public void TestBinomial_n_zero()
    {
        NumPyGenerator random = Gen(Seed);
        foreach (double p in new[] { 0, .5, 1 })
        {
            Assert.Equal(0, random.Binomial(0, p));
            Assert.Equal(new long[2], random.Binomial(0, p, 2));
        }
    }

    [Fact]
    public void TestBinomial_p_is_nan()
    {
        Refused(() => Gen(Seed).Binomial(1, double.NaN));
    }

    // ---------------------------------------------------------------- TestMultinomial

    [Fact]
    public void TestMultinomial_basic_and_zero_probability()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(100, random.Multinomial(100, [0.2, 0.8]).Sum());
        long[] x = random.Multinomial(100, [0.2, 0.8, 0.0, 0.0, 0.0]);
        Assert.Equal(100, x.Sum());
        Assert.Equal(new long[3], x[2..]);
    }

    [Fact]
    public void TestMultinomial_int_negative_interval()
    {
        NumPyGenerator random = Gen(Seed);
        long y = random.Integers(-5, -1);
        Assert.InRange(y, -5, -2);
        long[] x = random.Integers(-5, -1, 5);
        Assert.All(x, v => Assert.InRange(v, -5, -2));
    }

    [Fact]
    public void TestMultinomial_size()
    {
        long[,] x = Gen(Seed).Multinomial(1, [0.5, 0.5], 1);
        Assert.Equal(1, x.GetLength(0));
        Assert.Equal(2, x.GetLength(1));
    }

    [Fact]
    public void TestMultinomial_invalid_prob()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Multinomial(100, [1.1, 0.2]));
        Refused(() => random.Multinomial(100, [-.1, 0.9]));
    }

    [Fact]
    public void TestMultinomial_invalid_n()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Multinomial(-1, [0.8, 0.2]));
        Refused(() => random.Multinomial(-1, [0.8, 0.2], 10)); // [-1] * 10
    }

    // ---------------------------------------------------------------- TestMultivariateHypergeometric

    // TestMultivariateHypergeometric.setup_method
    private static readonly BigInteger MvhgSeed = 8675309;

    [Fact]
    public void TestMultivariateHypergeometric_argument_validation()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.MultivariateHypergeometric([2, 3, 4], -1)); // negative nsample
        Refused(() => random.MultivariateHypergeometric([-1, 2, 3], 2)); // negative color
        Refused(() => random.MultivariateHypergeometric([2, 3, 4], 10)); // nsample exceeds sum(colors)
        Refused(() => random.MultivariateHypergeometric([], 1)); // ... with empty colors
        Refused(() => random.MultivariateHypergeometric([999999999, 101], 5, 1, "marginals"));
        long maxInt64Index = long.MaxValue / sizeof(long);
        Refused(() => random.MultivariateHypergeometric([maxInt64Index - 100, 101], 5, 1, "count"));
    }

    [Theory]
    [InlineData("count")]
    [InlineData("marginals")]
    public void TestMultivariateHypergeometric_edge_cases(string method)
    {
        NumPyGenerator random = Gen(MvhgSeed);
        Assert.Equal(new long[] { 0, 0, 0 }, random.MultivariateHypergeometric([0, 0, 0], 0, method));
        Assert.Empty(random.MultivariateHypergeometric([], 0, method));
        long[,] empty = random.MultivariateHypergeometric([], 0, 1, method);
        Assert.Equal(1, empty.GetLength(0));
        Assert.Equal(0, empty.GetLength(1));
        Assert.Equal(new long[] { 0, 0, 0 }, random.MultivariateHypergeometric([1, 2, 3], 0, method));
        Assert.Equal(new long[] { 3, 0, 0 }, random.MultivariateHypergeometric([9, 0, 0], 3, method));
        long[] colors = [1, 1, 0, 1, 1];
        Assert.Equal(colors, random.MultivariateHypergeometric(colors, colors.Sum(), method));
        Assert.Equal(new long[] { 3, 4, 5, 3, 4, 5, 3, 4, 5 }, Flat(random.MultivariateHypergeometric([3, 4, 5], 12, 3, method)));
    }

    [Theory]
    [InlineData(8, "count")]
    [InlineData(25, "count")]
    [InlineData(45, "count")]
    [InlineData(55, "count")]
    [InlineData(8, "marginals")]
    [InlineData(25, "marginals")]
    [InlineData(45, "marginals")]
    [InlineData(55, "marginals")]
    public void TestMultivariateHypergeometric_typical_cases(long nsample, string method)
    {
        long[] colors = [10, 5, 20, 25];
        foreach (int size in new[] { 5, 6 /* (2, 3) */, 150000 })
        {
            long[,] sample = Gen(MvhgSeed).MultivariateHypergeometric(colors, nsample, size, method);
            Assert.Equal(size, sample.GetLength(0));
            Assert.Equal(colors.Length, sample.GetLength(1));
            double[] mean = new double[colors.Length];
            for (int i = 0; i < size; i++)
            {
                long sum = 0;
                for (int k = 0; k < colors.Length; k++)
                {
                    Assert.InRange(sample[i, k], 0, colors[k]);
                    sum += sample[i, k];
                    mean[k] += sample[i, k];
                }

                Assert.Equal(nsample, sum);
            }

            if (size >= 100000)
            {
                double total = colors.Sum();
                AllClose(colors.Select(c => nsample * c / total).ToArray(), mean.Select(m => m / size).ToArray(), rtol: 1e-3, atol: 0.005);
            }
        }
    }

    [Fact]
    public void TestMultivariateHypergeometric_repeatability1()
    {
        long[,] sample = Gen(MvhgSeed).MultivariateHypergeometric([3, 4, 5], 5, 5, "count");
        long[] expected =
        [
            2, 1, 2,
            2, 1, 2,
            1, 1, 3,
            2, 0, 3,
            2, 1, 2,
        ];
        Assert.Equal(expected, Flat(sample));
    }

    [Fact]
    public void TestMultivariateHypergeometric_repeatability2()
    {
        long[,] sample = Gen(MvhgSeed).MultivariateHypergeometric([20, 30, 50], 50, 5, "marginals");
        long[] expected =
        [
            9, 17, 24,
            7, 13, 30,
            9, 15, 26,
            9, 17, 24,
            12, 14, 24,
        ];
        Assert.Equal(expected, Flat(sample));
    }

    [Fact]
    public void TestMultivariateHypergeometric_repeatability3()
    {
        long[,] sample = Gen(MvhgSeed).MultivariateHypergeometric([20, 30, 50], 12, 5, "marginals");
        long[] expected =
        [
            2, 3, 7,
            5, 3, 4,
            2, 5, 5,
            5, 3, 4,
            1, 5, 6,
        ];
        Assert.Equal(expected, Flat(sample));
    }

    // ---------------------------------------------------------------- TestSetState

    [Fact]
    public void TestSetState_gaussian_reset()
    {
        NumPyGenerator rg = Gen(1234567890);
        string state = rg.BitGenerator.GetStateJson();
        double[] old = rg.StandardNormal(3);
        rg.BitGenerator.SetStateJson(state);
        Assert.Equal(old, rg.StandardNormal(3));
    }

    [Fact]
    public void TestSetState_gaussian_reset_in_media_res()
    {
        NumPyGenerator rg = Gen(1234567890);
        rg.StandardNormal();
        string state = rg.BitGenerator.GetStateJson();
        double[] old = rg.StandardNormal(3);
        rg.BitGenerator.SetStateJson(state);
        Assert.Equal(old, rg.StandardNormal(3));
    }

    [Fact]
    public void TestSetState_negative_binomial()
    {
        // Takes floating-point n without truncation.
        Assert.True(Gen(1234567890).NegativeBinomial(0.5, 0.5) >= 0);
    }

    // ---------------------------------------------------------------- TestIntegers (int64, the default dtype)

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_bounds_checking(bool endpoint)
    {
        NumPyGenerator random = Gen(Seed);
        if (endpoint)
        {
            // rfunc(ubnd, lbnd) with ubnd = 2**63 - 1 (with endpoint=False ubnd is 2**63, beyond long).
            Refused(() => random.Integers(long.MaxValue, long.MinValue, endpoint));
            Refused(() => random.Integers(long.MaxValue, long.MinValue, 1, endpoint)); // [ubnd], [lbnd]
        }

        Refused(() => random.Integers(1, 0, endpoint));
        Refused(() => random.Integers(1, 0, 1, endpoint)); // 1, [0]
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_bounds_checking_array(bool endpoint)
    {
        NumPyGenerator random = Gen(Seed);
        if (endpoint)
        {
            Refused(() => random.Integers(long.MaxValue, long.MinValue, 2, endpoint)); // ubnd, [lbnd] * 2
        }

        Refused(() => random.Integers(1, 0, 2, endpoint)); // [1] * 2, 0
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_rng_zero_and_extremes(bool endpoint)
    {
        NumPyGenerator random = Gen(Seed);
        long isOpen = endpoint ? 0 : 1;
        long lbnd = long.MinValue;
        if (endpoint)
        {
            // ubnd = 2**63 - 1 with endpoint; tgt = ubnd - 1. (Without endpoint tgt = 2**63 - 1 needs high = 2**63.)
            long tgt = long.MaxValue - 1;
            Assert.All(random.Integers(tgt, tgt + isOpen, 1000, endpoint), v => Assert.Equal(tgt, v));
            Assert.All(LoopIntegers(random, tgt, tgt + isOpen, 1000, endpoint), v => Assert.Equal(tgt, v)); // [tgt]
        }

        Assert.All(random.Integers(lbnd, lbnd + isOpen, 1000, endpoint), v => Assert.Equal(lbnd, v));
        Assert.All(LoopIntegers(random, lbnd, lbnd + isOpen, 1000, endpoint), v => Assert.Equal(lbnd, v)); // [tgt + is_open]

        // (lbnd + ubnd) // 2: (-2**63 + 2**63) // 2 = 0, or (-2**63 + 2**63 - 1) // 2 = -1 with endpoint.
        long mid = endpoint ? -1 : 0;
        Assert.All(random.Integers(mid, mid + isOpen, 1000, endpoint), v => Assert.Equal(mid, v));
        Assert.All(LoopIntegers(random, mid, mid + isOpen, 1000, endpoint), v => Assert.Equal(mid, v)); // [tgt], [tgt + is_open]
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_rng_zero_and_extremes_array(bool endpoint)
    {
        // NumPy's test passes no endpoint to rfunc here (so [tgt, tgt + 1) always); the fixture only moves ubnd.
        NumPyGenerator random = Gen(Seed);
        const int size = 1000;
        var targets = new List<long> { long.MinValue, endpoint ? -1 : 0 };
        if (endpoint)
        {
            targets.Add(long.MaxValue - 1); // ubnd - 1 with ubnd = 2**63 - 1
        }

        foreach (long tgt in targets)
        {
            Assert.All(random.Integers(tgt, tgt + 1, size), v => Assert.Equal(tgt, v)); // [tgt], [tgt + 1], size
            Assert.All(LoopIntegers(random, tgt, tgt + 1, size, false), v => Assert.Equal(tgt, v)); // [tgt] * size
        }
    }

    [Fact]
    public void TestIntegers_full_range_endpoint()
    {
        // endpoint=True: [-2**63, 2**63 - 1] (without endpoint the high bound 2**63 is beyond long).
        NumPyGenerator random = Gen(Seed);
        _ = random.Integers(long.MinValue, long.MaxValue, endpoint: true);
        _ = LoopIntegers(random, long.MinValue, long.MaxValue, 2, true); // [lbnd] * 2, [ubnd]
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_in_bounds_fuzz(bool endpoint)
    {
        // Don't use fixed seed
        var random = new NumPyGenerator(new Mt19937(new SeedSequence()));
        long e = endpoint ? 1 : 0;
        foreach (long ubnd in new long[] { 4, 8, 16 })
        {
            long[] vals = random.Integers(2, ubnd - e, 1 << 16, endpoint);
            Assert.True(vals.Max() < ubnd);
            Assert.True(vals.Min() >= 2);
        }
    }

    [Fact]
    public void TestIntegers_scalar_array_equiv_endpoint()
    {
        // endpoint=True only: without it, ubnd = 2**63 is beyond long.
        const int size = 1000;
        long[] scalar = Gen(1234).Integers(long.MinValue, long.MaxValue, size, endpoint: true);
        long[] array = LoopIntegers(Gen(1234), long.MinValue, long.MaxValue, size, true);
        Assert.Equal(scalar, array);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_repeatability_int64(bool endpoint)
    {
        // sha256 of 1000 int64 samples in [0, 6), little endian.
        const string tgt = "14e224389ac4580bfbdccb5697d6190b496f91227cf67df60989de3d546389b1";
        long[] val = Gen(1234).Integers(0, 6 - (endpoint ? 1 : 0), 1000, endpoint);
        Assert.Equal(tgt, Sha256(val));
    }

    [Fact]
    public void TestIntegers_repeatability_broadcasting_endpoint()
    {
        // endpoint=True only (see above).
        long[] val = Gen(1234).Integers(long.MinValue, long.MaxValue, 1000, endpoint: true);
        Assert.Equal(val, LoopIntegers(Gen(1234), long.MinValue, long.MaxValue, 1000, true)); // [lbnd] * 1000, ubnd
    }

    [Theory]
    [InlineData(4294967295L, new long[] { 517043486, 1364798665, 1733884389, 1353720612, 3769704066, 1170797179, 4108474671 })]
    [InlineData(4294967296L, new long[] { 517043487, 1364798666, 1733884390, 1353720613, 3769704067, 1170797180, 4108474672 })]
    [InlineData(4294967297L, new long[] { 517043487, 1733884390, 3769704068, 4108474673, 1831631863, 1215661561, 3869512430 })]
    public void TestIntegers_repeatability_32bit_boundary(long bound, long[] expected)
    {
        // (2**32 - 1, ...), (2**32, ...), (2**32 + 1, ...)
        Assert.Equal(expected[0], Gen(1234).Integers(0, bound));
        Assert.Equal(expected, Gen(1234).Integers(0, bound, expected.Length));
    }

    [Fact]
    public void TestIntegers_repeatability_32bit_boundary_broadcasting()
    {
        long[] desired =
        [
            1622936284, 3620788691, 1659384060,
            1417365545, 760222891, 1909653332,
            3788118662, 660249498, 4092002593,

            3625610153, 2979601262, 3844162757,
            685800658, 120261497, 2694012896,
            1207779440, 1586594375, 3854335050,

            3004074748, 2310761796, 3012642217,
            2067714190, 2786677879, 1363865881,
            791663441, 1867303284, 2169727960,

            1939603804, 1250951100, 298950036,
            1040128489, 3791912209, 3317053765,
            3155528714, 61360675, 2305155588,

            817688762, 1335621943, 3288952434,
            1770890872, 1102951817, 1957607470,
            3099996017, 798043451, 48334215,
        ];
        long[] lows = [-1, 0, 1]; // [[-1], [0], [1]]
        long[] highs = [4294967295, 4294967296, 4294967297]; // [2**32 - 1, 2**32, 2**32 + 1]
        foreach (int blocks in new[] { 1 /* size=None: desired[0] */, 5 /* size=(5, 3, 3) */ })
        {
            NumPyGenerator random = Gen(12345);
            var x = new List<long>();
            for (int b = 0; b < blocks; b++)
            {
                for (int i = 0; i < 3; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        x.Add(random.Integers(lows[i], highs[j]));
                    }
                }
            }

            Assert.Equal(desired[..x.Count], x);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_int64_uint64_broadcast_exceptions(bool endpoint)
    {
        // The int64 configs that fit in long: (10, 9) and (0, 0); high = high - endpoint.
        NumPyGenerator random = Gen(Seed);
        long e = endpoint ? 1 : 0;
        foreach ((long low, long high) in new[] { (10L, 9L - e), (0L, 0L - e) })
        {
            Refused(() => random.Integers(low, high, endpoint));
            Refused(() => random.Integers(low, high, 10, endpoint)); // low_a, high / low, high_a / low_a, high_a
        }
    }

    [Fact]
    public void TestIntegers_int64_uint64_corner_case_endpoint()
    {
        // lbnd = int64 max, ubnd = uint64(int64 max + 1 - endpoint) with endpoint=True.
        Assert.Equal(long.MaxValue, Gen(Seed).Integers(long.MaxValue, long.MaxValue, endpoint: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestIntegers_zero_size(bool endpoint)
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Empty(random.Integers(0, 0, 0, endpoint)); // size=(3, 0, 4)
        Assert.Empty(random.Integers(0, -10, 0, endpoint));
        Assert.Empty(random.Integers(0, 0, 0));
        Assert.Empty(random.Integers(0, -10, 0));
        Assert.Empty(random.Integers(10, 10, 0));
    }

    // test_single_arg_integer_exception (module level)
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Single_arg_integer_exception(bool endpoint)
    {
        NumPyGenerator gen = Gen(0);
        Refused(() => gen.Integers(0, -2, endpoint)); // integers(high) with high = -2
        Refused(() => gen.Integers(-1, -2, endpoint));
        Refused(() => gen.Integers(-1, -2, 1, endpoint)); // [-1], high
    }

    private static long[] LoopIntegers(NumPyGenerator random, long low, long high, int count, bool endpoint)
    {
        long[] result = new long[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = random.Integers(low, high, endpoint);
        }

        return result;
    }

    // ---------------------------------------------------------------- TestRandomDist

    [Fact]
    public void TestRandomDist_integers()
    {
        long[] actual = Gen(Seed).Integers(-99, 99, 6);
        long[] desired = [-80, -56, 41, 37, -83, -16];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_integers_closed()
    {
        long[] actual = Gen(Seed).Integers(-99, 99, 6, endpoint: true);
        long[] desired = [-80, -56, 41, 38, -83, -15];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_integers_max_int()
    {
        Assert.Equal(long.MaxValue, Gen(Seed).Integers(long.MaxValue, long.MaxValue, endpoint: true));
    }

    [Fact]
    public void TestRandomDist_random()
    {
        double[] actual = Gen(Seed).Random(6);
        double[] desired =
        [
            0.096999199829214, 0.707517457682192,
            0.084364834598269, 0.767731206553125,
            0.665069021359413, 0.715487190596693,
        ];
        AlmostEqual(desired, actual, 15);
        AlmostEqual(desired[0], Gen(Seed).Random(), 15);
    }

    [Fact]
    public void TestRandomDist_random_distribution_of_lsb_float64()
    {
        double[] sample = Gen(Seed).Random(100000);
        int numOnesInLsb = sample.Count(v => (BitConverter.DoubleToUInt64Bits(v) & 1) != 0);
        Assert.InRange(numOnesInLsb, 24101, 25899); // 24100 < n < 25900
    }

    [Fact]
    public void TestRandomDist_choice_uniform_replace()
    {
        Assert.Equal(new long[] { 0, 0, 2, 2 }, Gen(Seed).Choice(4, 4));
    }

    [Fact]
    public void TestRandomDist_choice_nonuniform_replace()
    {
        Assert.Equal(new long[] { 0, 1, 0, 1 }, Gen(Seed).Choice(4, 4, p: [0.4, 0.4, 0.1, 0.1]));
    }

    [Fact]
    public void TestRandomDist_choice_uniform_noreplace()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(new long[] { 2, 0, 3 }, random.Choice(4, 3, replace: false));
        Assert.Equal(new long[] { 0, 1, 2, 3 }, random.Choice(4, 4, replace: false, shuffle: false));
    }

    [Fact]
    public void TestRandomDist_choice_nonuniform_noreplace()
    {
        Assert.Equal(new long[] { 0, 2, 3 }, Gen(Seed).Choice(4, 3, replace: false, p: [0.1, 0.3, 0.5, 0.1]));
    }

    [Fact]
    public void TestRandomDist_choice_noninteger()
    {
        // choice(['a', 'b', 'c', 'd'], 4) is a[choice(4, 4)] in NumPy.
        string[] a = ["a", "b", "c", "d"];
        string[] actual = Gen(Seed).Choice(4, 4).Select(i => a[i]).ToArray();
        Assert.Equal(new[] { "a", "a", "c", "c" }, actual);
    }

    [Fact]
    public void TestRandomDist_choice_multidimensional_default_axis()
    {
        // choice([[0, 1], [2, 3], [4, 5], [6, 7]], 3): rows a[choice(4, 3)].
        int[][] a = [[0, 1], [2, 3], [4, 5], [6, 7]];
        int[][] actual = Gen(Seed).Choice(4, 3).Select(i => a[i]).ToArray();
        Assert.Equal(new[] { new[] { 0, 1 }, new[] { 0, 1 }, new[] { 4, 5 } }, actual);
    }

    [Fact]
    public void TestRandomDist_choice_multidimensional_custom_axis()
    {
        // choice([[0, 1], [2, 3], [4, 5], [6, 7]], 1, axis=1): columns a[:, choice(2, 1)].
        int[][] a = [[0, 1], [2, 3], [4, 5], [6, 7]];
        long[] idx = Gen(Seed).Choice(2, 1);
        int[][] actual = a.Select(row => idx.Select(i => row[i]).ToArray()).ToArray();
        Assert.Equal(new[] { new[] { 0 }, new[] { 2 }, new[] { 4 }, new[] { 6 } }, actual);
    }

    [Fact]
    public void TestRandomDist_choice_exceptions()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Choice(-1, 3));
        Refused(() => random.Choice(0, 3)); // []
        Refused(() => random.Choice(2, 3, p: [0.4, 0.4, 0.2]));
        Refused(() => random.Choice(2, 3, p: [1.1, -0.1]));
        Refused(() => random.Choice(2, 3, p: [0.4, 0.4]));
        Refused(() => random.Choice(3, 4, replace: false));
        Refused(() => random.Choice(3, -2, replace: false)); // gh-13087
        Refused(() => random.Choice(3, 2, replace: false, p: [1, 0, 0]));
    }

    [Fact]
    public void TestRandomDist_choice_return_shape_zero_size()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Empty(random.Integers(0, 0, 0));
        Assert.Empty(random.Integers(0, -10, 0));
        Assert.Empty(random.Integers(10, 10, 0));
        Assert.Empty(random.Choice(0, 0));
        Refused(() => random.Choice(0, 10)); // choice([], 10)
    }

    [Fact]
    public void TestRandomDist_choice_nan_probabilities()
    {
        Refused(() => Gen(Seed).Choice(3, p: [double.NaN, double.NaN, double.NaN])); // p = [None, None, None]
    }

    [Fact]
    public void TestRandomDist_choice_large_sample()
    {
        const string choiceHash = "4266599d12bfcfb815213303432341c06b4349f5455890446578877bb322e222";
        long[] actual = Gen(Seed).Choice(10000, 5000, replace: false);
        Assert.Equal(choiceHash, Sha256(actual));
    }

    [Fact]
    public void TestRandomDist_bytes()
    {
        // b'\x86\xf0\xd4\x18\xe1\x81\t8%\xdd'
        byte[] desired = [0x86, 0xf0, 0xd4, 0x18, 0xe1, 0x81, (byte)'\t', (byte)'8', (byte)'%', 0xdd];
        Assert.Equal(desired, Gen(Seed).Bytes(10));
    }

    [Fact]
    public void TestRandomDist_shuffle()
    {
        int[] source = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        int[] desired = [4, 1, 9, 8, 0, 5, 3, 6, 2, 7];

        // np.array([])
        double[] empty = [];
        Gen(Seed).Shuffle(empty.AsSpan());
        Assert.Empty(empty);

        // lambda x: x (a list)
        var list = source.ToList();
        Gen(Seed).Shuffle(list);
        Assert.Equal(desired, list);

        // astype(np.int8), astype(np.float32), astype(np.complex64) (Complex stands in), astype(object)
        sbyte[] int8 = source.Select(v => (sbyte)v).ToArray();
        Gen(Seed).Shuffle(int8.AsSpan());
        Assert.Equal(desired.Select(v => (sbyte)v), int8);
        float[] float32 = source.Select(v => (float)v).ToArray();
        Gen(Seed).Shuffle(float32.AsSpan());
        Assert.Equal(desired.Select(v => (float)v), float32);
        Complex[] complex = source.Select(v => new Complex(v, 0)).ToArray();
        Gen(Seed).Shuffle(complex.AsSpan());
        Assert.Equal(desired.Select(v => new Complex(v, 0)), complex);
        object[] objects = source.Cast<object>().ToArray();
        Gen(Seed).Shuffle((IList<object>)objects);
        Assert.Equal(desired.Cast<object>(), objects);

        // [(i, i) for i in x], and the record/structured arrays of (i, i) (gh-11442, gh-4270): value tuples stand in.
        var tuples = source.Select(i => (i, i)).ToList();
        Gen(Seed).Shuffle(tuples);
        Assert.Equal(desired.Select(i => (i, i)), tuples);

        // np.asarray([[i, i] for i in x]) and np.vstack([x, x]).T: rows move together (axis 0).
        int[][] rows = source.Select(i => new[] { i, i }).ToArray();
        Gen(Seed).Shuffle(rows.AsSpan());
        Assert.Equal(desired.Select(i => new[] { i, i }), rows);
    }

    [Fact]
    public void TestRandomDist_permutation()
    {
        // permutation(alist) of a 1-d sequence is a shuffled copy in NumPy (arr.copy(); self.shuffle(arr)).
        int[] alist = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        int[] desired = [4, 1, 9, 8, 0, 5, 3, 6, 2, 7];
        int[] actual = (int[])alist.Clone();
        Gen(Seed).Shuffle(actual.AsSpan());
        Assert.Equal(desired, actual);

        // arr_2d = np.atleast_2d(alist).T: rows of one element.
        int[][] arr2d = alist.Select(v => new[] { v }).ToArray();
        Gen(Seed).Shuffle(arr2d.AsSpan());
        Assert.Equal(desired.Select(v => new[] { v }), arr2d);

        long[] desiredInt = [3, 0, 8, 7, 9, 4, 2, 5, 1, 6];
        Assert.Equal(desiredInt, Gen(Seed).Permutation(10));
    }

    // test_ragged_shuffle (module level, GH 18142)
    [Fact]
    public void Ragged_shuffle()
    {
        var a = new List<object>();
        var b = new List<object>();
        object[] seq = [a, b, 1];
        Gen(0).Shuffle((IList<object>)seq);
        Assert.Equal(1, seq[0]);
        Assert.IsType<List<object>>(seq[1]);
        Assert.IsType<List<object>>(seq[2]);
    }

    [Fact]
    public void TestRandomDist_beta()
    {
        double[] actual = Gen(Seed).Beta(.1, .9, 6);
        double[] desired =
        [
            1.083029353267698e-10, 2.449965303168024e-11,
            2.397085162969853e-02, 3.590779671820755e-08,
            2.830254190078299e-04, 1.744709918330393e-01,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_binomial()
    {
        // binomial(100.123, .456): NumPy casts n to int64, 100.
        long[] actual = Gen(Seed).Binomial(100, .456, 6);
        long[] desired =
        [
            42, 41,
            42, 48,
            44, 50,
        ];
        Assert.Equal(desired, actual);
        Assert.Equal(42, Gen(Seed).Binomial(100, .456));
    }

    [Fact]
    public void TestRandomDist_chisquare()
    {
        double[] actual = Gen(Seed).Chisquare(50, 6);
        double[] desired =
        [
            32.9850547060149, 39.0219480493301,
            56.2006134779419, 57.3474165711485,
            55.4243733880198, 55.4209797925213,
        ];
        AlmostEqual(desired, actual, 13);
    }

    [Fact]
    public void TestRandomDist_dirichlet()
    {
        double[] alpha = [51.72840233779265162, 39.74494232180943953];
        NumPyGenerator random = Gen(Seed);
        double[,] actual = random.Dirichlet(alpha, 6);
        double[] desired =
        [
            0.5439892869558927, 0.45601071304410745,
            0.5588917345860708, 0.4411082654139292,
            0.5632074165063435, 0.43679258349365657,
            0.54862581112627, 0.45137418887373015,
            0.49961831357047226, 0.5003816864295278,
            0.52374806183482, 0.47625193816517997,
        ];
        AlmostEqual(desired, Flat(actual), 15);
        double[] badAlpha = [5.4e-01, -1.0e-16];
        Refused(() => random.Dirichlet(badAlpha));

        AlmostEqual(desired[..2], Gen(Seed).Dirichlet(alpha), 15);
    }

    [Fact]
    public void TestRandomDist_dirichlet_size()
    {
        double[,] x = Gen(Seed).Dirichlet([51.72840233779265162, 39.74494232180943953], 1);
        Assert.Equal(1, x.GetLength(0));
        Assert.Equal(2, x.GetLength(1));
    }

    [Fact]
    public void TestRandomDist_dirichlet_bad_alpha()
    {
        Refused(() => Gen(Seed).Dirichlet([5.4e-01, -1.0e-16])); // gh-2089
    }

    [Fact]
    public void TestRandomDist_dirichlet_small_alpha()
    {
        double eps = 1.0e-9;
        double[] alpha = [eps * 1.0, eps * 1.0e-3];
        double[,] actual = Gen(Seed).Dirichlet(alpha, 6);
        double[] expected =
        [
            1.0, 0.0,
            1.0, 0.0,
            1.0, 0.0,
            1.0, 0.0,
            1.0, 0.0,
            1.0, 0.0,
        ];
        AlmostEqual(expected, Flat(actual), 15);
    }

    [Fact]
    public void TestRandomDist_exponential()
    {
        double[] actual = Gen(Seed).Exponential(1.1234, 6);
        double[] desired =
        [
            0.098845481066258, 1.560752510746964,
            0.075730916041636, 1.769098974710777,
            1.488602544592235, 2.49684815275751,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_exponential_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Exponential(scale: 0));
        Refused(() => random.Exponential(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_f()
    {
        double[] actual = Gen(Seed).F(12, 77, 6);
        double[] desired =
        [
            0.461720027077085, 1.100441958872451,
            1.100337455217484, 0.91421736740018,
            0.500811891303113, 0.826802454552058,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_gamma()
    {
        double[] actual = Gen(Seed).Gamma(5, 3, 6);
        double[] desired =
        [
            5.03850858902096, 7.9228656732049,
            18.73983605132985, 19.57961681699238,
            18.17897755150825, 18.17653912505234,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_gamma_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Gamma(shape: 0, scale: 0));
        Refused(() => random.Gamma(shape: -0.0, scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_geometric()
    {
        long[] actual = Gen(Seed).Geometric(.123456789, 6);
        long[] desired =
        [
            1, 11,
            1, 12,
            11, 17,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_geometric_exceptions()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Geometric(1.1));
        Refused(() => random.Geometric(1.1, 10));
        Refused(() => random.Geometric(-0.1));
        Refused(() => random.Geometric(-0.1, 10));
        Refused(() => random.Geometric(double.NaN));
        Refused(() => random.Geometric(double.NaN, 10));
    }

    [Fact]
    public void TestRandomDist_gumbel()
    {
        double[] actual = Gen(Seed).Gumbel(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            4.688397515056245, -0.289514845417841,
            4.981176042584683, -0.633224272589149,
            -0.055915275687488, -0.333962478257953,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_gumbel_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Gumbel(scale: 0));
        Refused(() => random.Gumbel(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_hypergeometric()
    {
        // hypergeometric(10.1, 5.5, 14): NumPy casts to int64, (10, 5, 14).
        NumPyGenerator random = Gen(Seed);
        long[] actual = random.Hypergeometric(10, 5, 14, 6);
        long[] desired =
        [
            9, 9,
            9, 9,
            10, 9,
        ];
        Assert.Equal(desired, actual);

        // Test nbad = 0
        Assert.Equal(new long[] { 3, 3, 3, 3 }, random.Hypergeometric(5, 0, 3, 4));
        Assert.Equal(new long[] { 12, 12, 12, 12 }, random.Hypergeometric(15, 0, 12, 4));

        // Test ngood = 0
        Assert.Equal(new long[] { 0, 0, 0, 0 }, random.Hypergeometric(0, 5, 3, 4));
        Assert.Equal(new long[] { 0, 0, 0, 0 }, random.Hypergeometric(0, 15, 12, 4));
    }

    [Fact]
    public void TestRandomDist_laplace()
    {
        double[] actual = Gen(Seed).Laplace(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            -3.156353949272393, 1.195863024830054,
            -3.435458081645966, 1.656882398925444,
            0.924824032467446, 1.251116432209336,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_laplace_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Laplace(scale: 0));
        Refused(() => random.Laplace(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_logistic()
    {
        double[] actual = Gen(Seed).Logistic(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            -4.338584631510999, 1.890171436749954,
            -4.64547787337966, 2.514545562919217,
            1.495389489198666, 1.967827627577474,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_lognormal()
    {
        double[] actual = Gen(Seed).Lognormal(mean: .123456789, sigma: 2.0, size: 6);
        double[] desired =
        [
            0.0268252166335, 13.9534486483053,
            0.1204014788936, 2.2422077497792,
            4.2484199496128, 12.0093343977523,
        ];
        AlmostEqual(desired, actual, 13);
    }

    [Fact]
    public void TestRandomDist_lognormal_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(1.0, random.Lognormal(sigma: 0));
        Refused(() => random.Lognormal(sigma: -0.0));
    }

    [Fact]
    public void TestRandomDist_logseries()
    {
        long[] actual = Gen(Seed).Logseries(p: .923456789, size: 6);
        long[] desired =
        [
            14, 17,
            3, 18,
            5, 1,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_logseries_zero()
    {
        Assert.Equal(1, Gen(Seed).Logseries(0));
    }

    [Theory]
    [InlineData(-double.Epsilon)] // np.nextafter(0., -1)
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(5.0)]
    public void TestRandomDist_logseries_exceptions(double value)
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Logseries(value));
        Refused(() => random.Logseries(value, 10)); // contiguous path
        Refused(() => random.Logseries(value, 5)); // non-contiguous path
    }

    [Fact]
    public void TestRandomDist_multinomial()
    {
        long[,] actual = Gen(Seed).Multinomial(20, [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0], 6);
        long[] desired =
        [
            1, 5, 1, 6, 4, 3,
            4, 2, 6, 2, 4, 2,
            5, 3, 2, 6, 3, 1,
            4, 4, 0, 2, 3, 7,
            6, 3, 1, 5, 3, 2,
            5, 5, 3, 1, 2, 4,
        ];
        Assert.Equal(desired, Flat(actual));
    }

    [Fact]
    public void TestRandomDist_negative_binomial()
    {
        long[] actual = Gen(Seed).NegativeBinomial(n: 100, p: .12345, size: 6);
        long[] desired =
        [
            543, 727,
            775, 760,
            600, 674,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_negative_binomial_exceptions()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.NegativeBinomial(100, double.NaN));
        Refused(() => random.NegativeBinomial(100, double.NaN, 10));
    }

    [Fact]
    public void TestRandomDist_negative_binomial_p0_exception()
    {
        Refused(() => Gen(Seed).NegativeBinomial(1, 0));
    }

    [Fact]
    public void TestRandomDist_negative_binomial_invalid_p_n_combination()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.NegativeBinomial(4611686018427387904.0, 0.1)); // 2**62
        Refused(() => random.NegativeBinomial(4611686018427387904.0, 0.1, 1)); // [2**62], [0.1]
    }

    [Fact]
    public void TestRandomDist_noncentral_chisquare()
    {
        NumPyGenerator random = Gen(Seed);
        double[] actual = random.NoncentralChisquare(df: 5, nonc: 5, size: 6);
        double[] desired =
        [
            1.70561552362133, 15.97378184942111,
            13.71483425173724, 20.17859633310629,
            11.3615477156643, 3.67891108738029,
        ];
        AlmostEqual(desired, actual, 14);

        actual = random.NoncentralChisquare(df: .5, nonc: .2, size: 6);
        desired =
        [
            9.41427665607629e-04, 1.70473157518850e-04,
            1.14554372041263e+00, 1.38187755933435e-03,
            1.90659181905387e+00, 1.21772577941822e+00,
        ];
        AlmostEqual(desired, actual, 14);

        actual = Gen(Seed).NoncentralChisquare(df: 5, nonc: 0, size: 6);
        desired =
        [
            0.82947954590419, 1.80139670767078,
            6.58720057417794, 7.00491463609814,
            6.31101879073157, 6.30982307753005,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_noncentral_f()
    {
        double[] actual = Gen(Seed).NoncentralF(dfnum: 5, dfden: 2, nonc: 1, size: 6);
        double[] desired =
        [
            0.060310671139, 0.23866058175939,
            0.86860246709073, 0.2668510459738,
            0.23375780078364, 1.88922102885943,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_noncentral_f_nan()
    {
        Assert.True(double.IsNaN(Gen(Seed).NoncentralF(dfnum: 5, dfden: 2, nonc: double.NaN)));
    }

    [Fact]
    public void TestRandomDist_normal()
    {
        double[] actual = Gen(Seed).Normal(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            -3.618412914693162, 2.635726692647081,
            -2.116923463013243, 0.807460983059643,
            1.446547137248593, 2.485684213886024,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_normal_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Normal(0, scale: 0));
        Refused(() => random.Normal(0, scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_pareto()
    {
        double[] actual = Gen(Seed).Pareto(a: .123456789, size: 6);
        double[] desired =
        [
            1.0394926776069018e+00, 7.7142534343505773e+04,
            7.2640150889064703e-01, 3.4650454783825594e+05,
            4.5852344481994740e+04, 6.5851383009539105e+07,
        ];
        AlmostEqualNulp(desired, actual, 30);
    }

    [Fact]
    public void TestRandomDist_poisson()
    {
        long[] actual = Gen(Seed).Poisson(lam: .123456789, size: 6);
        long[] desired =
        [
            0, 0,
            0, 0,
            0, 0,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_poisson_exceptions()
    {
        NumPyGenerator random = Gen(Seed);
        double lambig = long.MaxValue; // np.iinfo('int64').max
        double lamneg = -1;
        Refused(() => random.Poisson(lamneg));
        Refused(() => random.Poisson(lamneg, 10));
        Refused(() => random.Poisson(lambig));
        Refused(() => random.Poisson(lambig, 10));
        Refused(() => random.Poisson(double.NaN));
        Refused(() => random.Poisson(double.NaN, 10));
    }

    [Fact]
    public void TestRandomDist_power()
    {
        double[] actual = Gen(Seed).Power(a: .123456789, size: 6);
        double[] desired =
        [
            1.977857368842754e-09, 9.806792196620341e-02,
            2.482442984543471e-10, 1.527108843266079e-01,
            8.188283434244285e-02, 3.950547209346948e-01,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_rayleigh()
    {
        double[] actual = Gen(Seed).Rayleigh(scale: 10, size: 6);
        double[] desired =
        [
            4.19494429102666, 16.66920198906598,
            3.67184544902662, 17.74695521962917,
            16.27935397855501, 21.08355560691792,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_rayleigh_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.Rayleigh(scale: 0));
        Refused(() => random.Rayleigh(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_standard_cauchy()
    {
        double[] actual = Gen(Seed).StandardCauchy(6);
        double[] desired =
        [
            -1.489437778266206, -3.275389641569784,
            0.560102864910406, -0.680780916282552,
            -1.314912905226277, 0.295852965660225,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_standard_gamma()
    {
        double[] actual = Gen(Seed).StandardGamma(shape: 3, size: 6);
        double[] desired =
        [
            0.62970724056362, 1.22379851271008,
            3.899412530884, 4.12479964250139,
            3.74994102464584, 3.74929307690815,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_standard_gamma_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(0.0, random.StandardGamma(shape: 0));
        Refused(() => random.StandardGamma(shape: -0.0));
    }

    [Fact]
    public void TestRandomDist_standard_normal()
    {
        double[] actual = Gen(Seed).StandardNormal(6);
        double[] desired =
        [
            -1.870934851846581, 1.25613495182354,
            -1.120190126006621, 0.342002097029821,
            0.661545174124296, 1.181113712443012,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_standard_t()
    {
        double[] actual = Gen(Seed).StandardT(df: 10, size: 6);
        double[] desired =
        [
            -1.484666193042647, 0.30597891831161,
            1.056684299648085, -0.407312602088507,
            0.130704414281157, -2.038053410490321,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_triangular()
    {
        double[] actual = Gen(Seed).Triangular(left: 5.12, mode: 10.23, right: 20.34, size: 6);
        double[] desired =
        [
            7.86664070590917, 13.6313848513185,
            7.68152445215983, 14.36169131136546,
            13.16105603911429, 13.72341621856971,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_uniform()
    {
        double[] actual = Gen(Seed).Uniform(low: 1.23, high: 10.54, size: 6);
        double[] desired =
        [
            2.13306255040998, 7.816987531021207,
            2.015436610109887, 8.377577533009589,
            7.421792588856135, 7.891185744455209,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_uniform_range_bounds()
    {
        NumPyGenerator random = Gen(Seed);
        double fmin = double.MinValue;
        double fmax = double.MaxValue;
        Refused(() => random.Uniform(double.NegativeInfinity, 0));
        Refused(() => random.Uniform(0, double.PositiveInfinity));
        Refused(() => random.Uniform(fmin, fmax));
        Refused(() => random.Uniform(double.NegativeInfinity, 0, 1)); // [-np.inf], [0]
        Refused(() => random.Uniform(0, double.PositiveInfinity, 1)); // [0], [np.inf]

        // (fmax / 1e17) - fmin is within range, so this should not throw
        _ = random.Uniform(low: Math.BitIncrement(fmin), high: fmax / 1e17);
    }

    [Fact]
    public void TestRandomDist_uniform_zero_range()
    {
        NumPyGenerator random = Gen(Seed);
        AllClose([1.5], [random.Uniform(1.5, 1.5)]);
        AllClose([0.0, Math.PI], [random.Uniform(0.0, 0.0), random.Uniform(Math.PI, Math.PI)]);
        double[] result = [random.Uniform(2145.12, 2145.12), random.Uniform(2145.12, 2145.12), random.Uniform(2145.12, 2145.12), random.Uniform(2145.12, 2145.12)];
        AllClose([2145.12, 2145.12, 2145.12, 2145.12], result);
    }

    [Fact]
    public void TestRandomDist_uniform_neg_range()
    {
        NumPyGenerator random = Gen(Seed);
        Refused(() => random.Uniform(2, 1));
        Refused(() => random.Uniform(2, 1, 1)); // [1, 2], [1, 1]: the second element
        Refused(() => random.Uniform(3, 2, 1)); // [[0, 1], [2, 3]], 2: the last element
    }

    [Fact]
    public void TestRandomDist_vonmises()
    {
        double[] actual = Gen(Seed).Vonmises(mu: 1.23, kappa: 1.54, size: 6);
        double[] desired =
        [
            1.107972248690106, 2.841536476232361,
            1.832602376042457, 1.945511926976032,
            -0.260147475776542, 2.058047492231698,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_vonmises_small()
    {
        // check infinite loop, gh-4720
        double[] r = Gen(Seed).Vonmises(mu: 0.0, kappa: 1.1e-8, size: 1000000);
        Assert.All(r, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void TestRandomDist_vonmises_nan()
    {
        Assert.True(double.IsNaN(Gen(Seed).Vonmises(mu: 0.0, kappa: double.NaN)));
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e15)]
    public void TestRandomDist_vonmises_large_kappa(double kappa)
    {
        var bitGenerator = new Mt19937(Seed);
        var random = new NumPyGenerator(bitGenerator);
        var rs = new NumPyRandomState(bitGenerator);
        Mt19937State state = bitGenerator.GetState();

        double[] randomStateVals = rs.Vonmises(0, kappa, 10);
        bitGenerator.SetState(state);
        double[] genVals = random.Vonmises(0, kappa, 10);
        if (kappa < 1e6)
        {
            AllClose(randomStateVals, genVals);
        }
        else
        {
            Assert.All(randomStateVals.Zip(genVals), pair => Assert.NotEqual(pair.First, pair.Second));
        }
    }

    [Theory]
    [InlineData(-7.0)]
    [InlineData(-Math.PI)]
    [InlineData(-3.1)]
    [InlineData(Math.PI)]
    [InlineData(3.2)]
    public void TestRandomDist_vonmises_large_kappa_range(double mu)
    {
        foreach (double kappa in new[] { 1e-9, 1e-6, 1, 1e3, 1e15 })
        {
            double[] r = Gen(Seed).Vonmises(mu, kappa, 50);
            Assert.All(r, v => Assert.True(v > -Math.PI && v <= Math.PI, $"mu {mu}, kappa {kappa}: {v:R}"));
        }
    }

    [Fact]
    public void TestRandomDist_wald()
    {
        double[] actual = Gen(Seed).Wald(mean: 1.23, scale: 1.54, size: 6);
        double[] desired =
        [
            0.26871721804551, 3.2233942732115,
            2.20328374987066, 2.40958405189353,
            2.07093587449261, 0.73073890064369,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_weibull()
    {
        double[] actual = Gen(Seed).Weibull(a: 1.23, size: 6);
        double[] desired =
        [
            0.138613914769468, 1.306463419753191,
            0.111623365934763, 1.446570494646721,
            1.257145775276011, 1.914247725027957,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_weibull_0()
    {
        NumPyGenerator random = Gen(Seed);
        Assert.Equal(new double[12], random.Weibull(a: 0, size: 12));
        Refused(() => random.Weibull(a: -0.0));
    }

    [Fact]
    public void TestRandomDist_zipf()
    {
        long[] actual = Gen(Seed).Zipf(a: 1.23, size: 6);
        long[] desired =
        [
            1, 1,
            10, 867,
            354, 2,
        ];
        Assert.Equal(desired, actual);
    }

    // ---------------------------------------------------------------- TestBroadcast (broadcasting as loops of scalar calls)

    private static double[] Loop(BigInteger seed, Func<NumPyGenerator, double> draw, int count = 3)
    {
        NumPyGenerator random = Gen(seed);
        double[] result = new double[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = draw(random);
        }

        return result;
    }

    private static long[] LoopInt64(BigInteger seed, Func<NumPyGenerator, long> draw, int count = 3)
    {
        NumPyGenerator random = Gen(seed);
        long[] result = new long[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = draw(random);
        }

        return result;
    }

    [Fact]
    public void TestBroadcast_uniform()
    {
        double[] desired = [0.16693771389729, 0.19635129550675, 0.75563050964095];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Uniform(0, 1)), 14); // low * 3, high / low, high * 3
    }

    [Fact]
    public void TestBroadcast_normal()
    {
        double[] desired = [-0.38736406738527, 0.79594375042255, 0.0197076236097];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Normal(0, 1)), 14); // loc * 3, scale / loc, scale * 3
        Refused(() => Gen(BroadcastSeed).Normal(0, -1)); // bad_scale
    }

    [Fact]
    public void TestBroadcast_beta()
    {
        double[] desired = [0.18719338682602, 0.73234824491364, 0.17928615186455];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Beta(1, 2)), 14); // a * 3, b / a, b * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Beta(-1, 2));
        Refused(() => random.Beta(1, -2));
    }

    [Fact]
    public void TestBroadcast_exponential()
    {
        double[] desired = [0.67245993212806, 0.21380495318094, 0.7177848928629];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Exponential(1)), 14);
        Refused(() => Gen(BroadcastSeed).Exponential(-1));
    }

    [Fact]
    public void TestBroadcast_standard_gamma()
    {
        double[] desired = [0.67245993212806, 0.21380495318094, 0.7177848928629];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.StandardGamma(1)), 14);
        Refused(() => Gen(BroadcastSeed).StandardGamma(-1));
    }

    [Fact]
    public void TestBroadcast_gamma()
    {
        double[] desired = [1.34491986425611, 0.42760990636187, 1.4355697857258];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Gamma(1, 2)), 14); // shape * 3, scale / shape, scale * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Gamma(-1, 2));
        Refused(() => random.Gamma(1, -2));
    }

    [Fact]
    public void TestBroadcast_f()
    {
        double[] desired = [0.07765056244107, 7.72951397913186, 0.05786093891763];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.F(1, 2)), 14); // dfnum * 3, dfden / dfnum, dfden * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.F(-1, 2));
        Refused(() => random.F(1, -2));
    }

    [Fact]
    public void TestBroadcast_noncentral_f()
    {
        double[] desired = [2.02434240411421, 12.91838601070124, 1.24395160354629];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.NoncentralF(2, 3, 4)), 14); // each of the three * 3
        Assert.All(Loop(BroadcastSeed, r => r.NoncentralF(2, 3, double.NaN)), v => Assert.True(double.IsNaN(v)));
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.NoncentralF(0, 3, 4));
        Refused(() => random.NoncentralF(2, -1, 4));
        Refused(() => random.NoncentralF(2, 3, -2));
    }

    [Fact]
    public void TestBroadcast_noncentral_f_small_df()
    {
        double[] desired = [0.04714867120827, 0.1239390327694];
        AlmostEqual(desired, Gen(BroadcastSeed).NoncentralF(0.9, 0.9, 2, 2), 14);
    }

    [Fact]
    public void TestBroadcast_chisquare()
    {
        double[] desired = [0.05573640064251, 1.47220224353539, 2.9469379318589];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Chisquare(1)), 14);
        Refused(() => Gen(BroadcastSeed).Chisquare(-1));
    }

    [Fact]
    public void TestBroadcast_noncentral_chisquare()
    {
        double[] desired = [0.07710766249436, 5.27829115110304, 0.630732147399];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.NoncentralChisquare(1, 2)), 14); // df * 3, nonc / df, nonc * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.NoncentralChisquare(-1, 2));
        Refused(() => random.NoncentralChisquare(1, -2));
    }

    [Fact]
    public void TestBroadcast_standard_t()
    {
        double[] desired = [-1.39498829447098, -1.23058658835223, 0.17207021065983];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.StandardT(1)), 14);
        Refused(() => Gen(BroadcastSeed).StandardT(-1));
    }

    [Fact]
    public void TestBroadcast_vonmises()
    {
        double[] desired = [2.25935584988528, 2.23326261461399, -2.84152146503326];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Vonmises(2, 1)), 14); // mu * 3, kappa / mu, kappa * 3
        Refused(() => Gen(BroadcastSeed).Vonmises(2, -1));
    }

    [Fact]
    public void TestBroadcast_pareto()
    {
        double[] desired = [0.95905052946317, 0.2383810889437, 1.04988745750013];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Pareto(1)), 14);
        Refused(() => Gen(BroadcastSeed).Pareto(-1));
    }

    [Fact]
    public void TestBroadcast_weibull()
    {
        double[] desired = [0.67245993212806, 0.21380495318094, 0.7177848928629];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Weibull(1)), 14);
        Refused(() => Gen(BroadcastSeed).Weibull(-1));
    }

    [Fact]
    public void TestBroadcast_power()
    {
        double[] desired = [0.48954864361052, 0.19249412888486, 0.51216834058807];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Power(1)), 14);
        Refused(() => Gen(BroadcastSeed).Power(-1));
    }

    [Fact]
    public void TestBroadcast_laplace()
    {
        double[] desired = [-1.09698732625119, -0.93470271947368, 0.71592671378202];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Laplace(0, 1)), 14); // loc * 3, scale / loc, scale * 3
        Refused(() => Gen(BroadcastSeed).Laplace(0, -1));
    }

    [Fact]
    public void TestBroadcast_gumbel()
    {
        double[] desired = [1.70020068231762, 1.52054354273631, -0.34293267607081];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Gumbel(0, 1)), 14);
        Refused(() => Gen(BroadcastSeed).Gumbel(0, -1));
    }

    [Fact]
    public void TestBroadcast_logistic()
    {
        double[] desired = [-1.607487640433, -1.40925686003678, 1.12887112820397];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Logistic(0, 1)), 14);
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Logistic(0, -1));
        Assert.Equal(1.0, random.Logistic(1.0, 0.0));
    }

    [Fact]
    public void TestBroadcast_lognormal()
    {
        double[] desired = [0.67884390500697, 2.21653186290321, 1.01990310084276];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Lognormal(0, 1)), 14); // mean * 3, sigma (also sigma * 3: NumPy does not compare that one)
        Refused(() => Gen(BroadcastSeed).Lognormal(0, -1));
    }

    [Fact]
    public void TestBroadcast_rayleigh()
    {
        double[] desired =
        [
            1.1597068009872629,
            0.6539188836253857,
            1.1981526554349398,
        ];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Rayleigh(1)), 14);
        Refused(() => Gen(BroadcastSeed).Rayleigh(-1));
    }

    [Fact]
    public void TestBroadcast_wald()
    {
        double[] desired = [0.38052407392905, 0.50701641508592, 0.484935249864];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Wald(0.5, 1)), 14); // mean * 3, scale / mean, scale * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Wald(0, 1));
        Refused(() => random.Wald(0.5, -2));
    }

    [Fact]
    public void TestBroadcast_triangular()
    {
        double[] desired = [1.57781954604754, 1.62665986867957, 2.30090130831326];
        AlmostEqual(desired, Loop(BroadcastSeed, r => r.Triangular(1, 2, 3)), 14); // each of the three * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Triangular(3, 2, 3)); // bad_left_one
        Refused(() => random.Triangular(1, 4, 3)); // bad_mode_one
        Refused(() => random.Triangular(3, 3, 3)); // bad_left_two, bad_mode_two
        Refused(() => random.Triangular(10.0, 0.0, 20.0));
        Refused(() => random.Triangular(10.0, 25.0, 20.0));
        Refused(() => random.Triangular(10.0, 10.0, 10.0));
    }

    [Fact]
    public void TestBroadcast_binomial()
    {
        long[] desired = [0, 0, 1];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Binomial(1, 0.5))); // n * 3, p / n, p * 3
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Binomial(-1, 0.5));
        Refused(() => random.Binomial(1, -1));
        Refused(() => random.Binomial(1, 1.5));
    }

    [Fact]
    public void TestBroadcast_negative_binomial()
    {
        long[] desired = [0, 2, 1];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.NegativeBinomial(1, 0.5)));
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.NegativeBinomial(-1, 0.5));
        Refused(() => random.NegativeBinomial(1, -1));
        Refused(() => random.NegativeBinomial(1, 1.5));
    }

    [Fact]
    public void TestBroadcast_poisson()
    {
        long[] desired = [0, 0, 3];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Poisson(1)));
        double maxLam = (double)long.MaxValue - (Math.Sqrt(long.MaxValue) * 10); // random._poisson_lam_max
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Poisson(-1));
        Refused(() => random.Poisson(maxLam * 2));
    }

    [Fact]
    public void TestBroadcast_zipf()
    {
        long[] desired = [1, 8, 1];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Zipf(2)));
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Zipf(0));
        Refused(() => random.Zipf(double.NaN));
    }

    [Fact]
    public void TestBroadcast_geometric()
    {
        long[] desired = [1, 1, 3];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Geometric(0.5)));
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Geometric(-1));
        Refused(() => random.Geometric(1.5));
    }

    [Fact]
    public void TestBroadcast_hypergeometric()
    {
        long[] desired = [0, 0, 1];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Hypergeometric(1, 2, 2))); // each of the three * 3
        NumPyGenerator hypergeom = Gen(BroadcastSeed);
        Refused(() => hypergeom.Hypergeometric(-1, 2, 2)); // bad_ngood
        Refused(() => hypergeom.Hypergeometric(1, -2, 2)); // bad_nbad
        Refused(() => hypergeom.Hypergeometric(1, 2, -1)); // bad_nsample_one
        Refused(() => hypergeom.Hypergeometric(1, 2, 4)); // bad_nsample_two

        Refused(() => hypergeom.Hypergeometric(-1, 10, 20));
        Refused(() => hypergeom.Hypergeometric(10, -1, 20));
        Refused(() => hypergeom.Hypergeometric(10, 10, -1));
        Refused(() => hypergeom.Hypergeometric(10, 10, 25));

        // ValueError for arguments that are too big.
        Refused(() => hypergeom.Hypergeometric(1L << 30, 10, 20));
        Refused(() => hypergeom.Hypergeometric(999, 1L << 31, 50));
        Refused(() => hypergeom.Hypergeometric(999, 1L << 30, 1000)); // 999, [2**29, 2**30], 1000: the second element
    }

    [Fact]
    public void TestBroadcast_logseries()
    {
        long[] desired = [1, 1, 1];
        Assert.Equal(desired, LoopInt64(BroadcastSeed, r => r.Logseries(0.5)));
        NumPyGenerator random = Gen(BroadcastSeed);
        Refused(() => random.Logseries(2));
        Refused(() => random.Logseries(-1));
    }

    [Fact]
    public void TestBroadcast_multinomial()
    {
        double[] pvals = [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0];

        // multinomial([5, 20], [1 / 6.] * 6, size=(3, 2)): rows with n = 5, 20, 5, 20, 5, 20.
        NumPyGenerator random = Gen(BroadcastSeed);
        var actual = new List<long>();
        for (int i = 0; i < 6; i++)
        {
            actual.AddRange(random.Multinomial(i % 2 == 0 ? 5 : 20, pvals));
        }

        long[] desired =
        [
            0, 0, 2, 1, 2, 0,
            2, 3, 6, 4, 2, 3,
            1, 0, 1, 0, 2, 1,
            7, 2, 2, 1, 4, 4,
            0, 2, 0, 1, 2, 0,
            3, 2, 3, 3, 4, 5,
        ];
        Assert.Equal(desired, actual);

        // multinomial([5, 20], [1 / 6.] * 6) and multinomial([5, 20], [[1 / 6.] * 6] * 2)
        desired =
        [
            0, 0, 2, 1, 2, 0,
            2, 3, 6, 4, 2, 3,
        ];
        random = Gen(BroadcastSeed);
        Assert.Equal(desired, random.Multinomial(5, pvals).Concat(random.Multinomial(20, pvals)));

        // multinomial([[5], [20]], [[1 / 6.] * 6] * 2): rows with n = 5, 5, 20, 20.
        desired =
        [
            0, 0, 2, 1, 2, 0,
            0, 0, 2, 1, 1, 1,
            4, 2, 3, 3, 5, 3,
            7, 2, 2, 1, 4, 4,
        ];
        random = Gen(BroadcastSeed);
        actual.Clear();
        foreach (long n in new long[] { 5, 5, 20, 20 })
        {
            actual.AddRange(random.Multinomial(n, pvals));
        }

        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestBroadcast_invalid_pvals_broadcast()
    {
        // multinomial(1, [[1 / 6] * 6, [1 / 4] * 6]): the second row sums above 1.
        Refused(() => Gen(BroadcastSeed).Multinomial(1, [1 / 4.0, 1 / 4.0, 1 / 4.0, 1 / 4.0, 1 / 4.0, 1 / 4.0]));
    }

    // ---------------------------------------------------------------- TestSingleEltArrayInput (size-1 calls give the scalar call's value)

    private static void SameAsScalar(Func<NumPyGenerator, double> scalar, Func<NumPyGenerator, double[]> sizeOne)
    {
        double[] array = sizeOne(Gen(Seed));
        Assert.Single(array);
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar(Gen(Seed))), BitConverter.DoubleToInt64Bits(array[0]));
    }

    private static void SameAsScalar(Func<NumPyGenerator, long> scalar, Func<NumPyGenerator, long[]> sizeOne)
    {
        long[] array = sizeOne(Gen(Seed));
        Assert.Single(array);
        Assert.Equal(scalar(Gen(Seed)), array[0]);
    }

    [Fact]
    public void TestSingleEltArrayInput_one_arg_funcs()
    {
        SameAsScalar(r => r.Exponential(2), r => r.Exponential(2, 1));
        SameAsScalar(r => r.StandardGamma(2), r => r.StandardGamma(2, 1));
        SameAsScalar(r => r.Chisquare(2), r => r.Chisquare(2, 1));
        SameAsScalar(r => r.StandardT(2), r => r.StandardT(2, 1));
        SameAsScalar(r => r.Pareto(2), r => r.Pareto(2, 1));
        SameAsScalar(r => r.Weibull(2), r => r.Weibull(2, 1));
        SameAsScalar(r => r.Power(2), r => r.Power(2, 1));
        SameAsScalar(r => r.Rayleigh(2), r => r.Rayleigh(2, 1));
        SameAsScalar(r => r.Poisson(2), r => r.Poisson(2, 1));
        SameAsScalar(r => r.Zipf(2), r => r.Zipf(2, 1));
        SameAsScalar(r => r.Geometric(0.5), r => r.Geometric(0.5, 1));
        SameAsScalar(r => r.Logseries(0.5), r => r.Logseries(0.5, 1));
    }

    [Fact]
    public void TestSingleEltArrayInput_two_arg_funcs()
    {
        SameAsScalar(r => r.Uniform(2, 3), r => r.Uniform(2, 3, 1));
        SameAsScalar(r => r.Normal(2, 3), r => r.Normal(2, 3, 1));
        SameAsScalar(r => r.Beta(2, 3), r => r.Beta(2, 3, 1));
        SameAsScalar(r => r.Gamma(2, 3), r => r.Gamma(2, 3, 1));
        SameAsScalar(r => r.F(2, 3), r => r.F(2, 3, 1));
        SameAsScalar(r => r.NoncentralChisquare(2, 3), r => r.NoncentralChisquare(2, 3, 1));
        SameAsScalar(r => r.Vonmises(2, 3), r => r.Vonmises(2, 3, 1));
        SameAsScalar(r => r.Laplace(2, 3), r => r.Laplace(2, 3, 1));
        SameAsScalar(r => r.Gumbel(2, 3), r => r.Gumbel(2, 3, 1));
        SameAsScalar(r => r.Logistic(2, 3), r => r.Logistic(2, 3, 1));
        SameAsScalar(r => r.Lognormal(2, 3), r => r.Lognormal(2, 3, 1));
        SameAsScalar(r => r.Wald(2, 3), r => r.Wald(2, 3, 1));
        SameAsScalar(r => r.Binomial(2, 0.5), r => r.Binomial(2, 0.5, 1));
        SameAsScalar(r => r.NegativeBinomial(2, 0.5), r => r.NegativeBinomial(2, 0.5, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TestSingleEltArrayInput_integers(bool endpoint)
    {
        SameAsScalar(r => r.Integers(0, 1, endpoint), r => r.Integers(0, 1, 1, endpoint));
    }

    [Fact]
    public void TestSingleEltArrayInput_three_arg_funcs()
    {
        SameAsScalar(r => r.NoncentralF(2, 3, 4), r => r.NoncentralF(2, 3, 4, 1));
        SameAsScalar(r => r.Triangular(2, 3, 4), r => r.Triangular(2, 3, 4, 1));
        SameAsScalar(r => r.Hypergeometric(2, 3, 4), r => r.Hypergeometric(2, 3, 4, 1));
    }

    // ---------------------------------------------------------------- test_jumped (module level, JUMP_TEST_DATA)

    public static TheoryData<uint[], int, string, int, string, int> JumpTestData => new()
    {
        { [0], 10, "bb1636883c2707b51c5b7fc26c6927af4430f2e0785a8c7bc886337f919f9edf", 9, "ff682ac12bb140f2d72fba8d3506cf4e46817a0db27aae1683867629031d8d55", 598 },
        { [384908324], 312, "16b791a1e04886ccbbb4d448d6ff791267dc458ae599475d08d5cced29d11614", 311, "a0110a2cf23b56be0feaed8f787a7fc84bef0cb5623003d75b26bdfa1c18002c", 276 },
        { [839438204, 980239840, 859048019, 821], 511, "d306cf01314d51bd37892d874308200951a35265ede54d200f1e065004c3e9ea", 510, "0e00ab449f01a5195a83b4aee0dfbc2ce8d46466a640b92e33977d2e42f777f8", 475 },
    };

    [Theory]
    [MemberData(nameof(JumpTestData))]
    public void Jumped(uint[] seed, int steps, string initialKeySha256, int initialPos, string jumpedKeySha256, int jumpedPos)
    {
        // A scalar seed is MT19937(seed); a list is MT19937([...]): both through SeedSequence.
        var mt19937 = new Mt19937(seed.Length == 1 ? new SeedSequence(seed[0]) : new SeedSequence(seed));
        for (int i = 0; i < steps; i++)
        {
            mt19937.NextUInt32(); // random_raw(steps): burn step
        }

        Mt19937State state = mt19937.GetState();
        Assert.Equal(initialPos, state.Position);
        Assert.Equal(initialKeySha256, Sha256(state.Key));

        Mt19937State jumped = mt19937.Jumped().GetState();
        Assert.Equal(jumpedPos, jumped.Position);
        Assert.Equal(jumpedKeySha256, Sha256(jumped.Key));
    }
}
