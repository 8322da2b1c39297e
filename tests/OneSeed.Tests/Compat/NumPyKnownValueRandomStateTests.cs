using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Engines;
using static OneSeed.Tests.Compat.NumPyKnownValueAssert;

namespace OneSeed.Tests.Compat;

// NumPy's own known-value tests for the legacy numpy.random.RandomState, ported.
//
// Source: numpy/random/tests/test_randomstate.py of NumPy 1.24.2, as installed by Debian's python3-numpy
// (/usr/lib/python3/dist-packages/numpy/random/tests/). Every expected array, value and hash below is copied from that
// file unchanged (the numbers were produced by NumPy itself); each test names the NumPy test class and function it
// ports. The precision is NumPy's own: assert_array_equal is exact equality, assert_array_almost_equal(..., decimal=d)
// is abs(desired - actual) < 1.5 * 10**(-d), assert_array_almost_equal_nulp as NumPy defines it.
//
// Translation rules:
// - random.seed(s) / RandomState(s) is new NumPyRandomState((uint)s) (init_genrand); RandomState(range(10)) is the
//   uint[] constructor (init_by_array); a one-element Python list, which NumPy does not squeeze, is
//   Mt19937.CreateLegacy([s]) (init_by_array).
// - NumPy's size=(3, 2) is size: 6 here (a flat array, the same values in C order); vector-valued results
//   (dirichlet, multinomial) are [size, k] arrays compared flattened.
// - Where NumPy broadcasts parameter arrays (TestBroadcast, randint over arrays), a loop of scalar calls in C order draws
//   the same values (NumPy's broadcasting calls the same C sampler once per element, in C order; the Gaussian cache
//   carries over from one element to the next in both).
// - NumPy's integer parameters given as floats (binomial(100.123, ...), hypergeometric(10.1, 5.5, 14)) are cast to
//   C long by NumPy (truncated): they are written here as the truncated integers.
// - assert_raises(ValueError, ...) (and OverflowError from uniform's range check) is Assert.ThrowsAny<ArgumentException>
//   (OneSeed throws ArgumentException or its subclass ArgumentOutOfRangeException, as documented).
//
// Cases NOT ported, and why:
// - TestSeed.test_invalid_scalar, test_invalid_array, test_invalid_array_shape's 2-d arrays: negative, float and
//   out-of-range seeds and 2-d seed arrays are not expressible in uint / uint[]; test_cannot_seed (PCG64) and
//   test_invalid_initialization (a class for an instance): NumPyRandomState is MT19937-only by type.
// - TestMultinomial.test_size's tuple and float sizes, test_p_non_contiguous (memory layout),
//   test_multinomial_pvals_float32 (float32 pvals): not expressible.
// - TestSetState.test_get_state_warning (RandomState over PCG64), test_invalid_legacy_state_setting's object array
//   (TypeError), test_pickle and test_state_setting (pickling, __getstate__/__setstate__): not expressible;
//   test_repr: OneSeed's ToString() is "NumPyRandomState(MT19937)", deliberately its own .NET type name.
// - TestRandint for dtypes other than int64 (bool, int8, uint8, int16, uint16, int32, uint32): being added by another
//   helper; uint64 has no API in OneSeed. For int64, bounds beyond long (lbnd - 1, ubnd + 1, the exclusive high
//   2**63) are not expressible, so test_bounds_checking's first three lines, test_rng_zero_and_extremes's
//   tgt = 2**63 - 1, test_full_range and test_int64_uint64_corner_case are skipped; test_unsupported_type and
//   test_respect_dtype_singleton (dtypes) too. Every int64 case that fits in long is ported.
// - TestRandomDist.test_random_integers_deprecated (DeprecationWarning), test_choice_return_shape (scalar vs 0-d
//   array vs shape checks, object arrays; its zero-size and error parts are ported), test_choice_p_non_contiguous,
//   test_dirichlet_size (tuple sizes), test_dirichlet_alpha_non_contiguous (memory layout), test_shuffle_masked
//   (masked arrays), test_permutation's string/float IndexErrors, test_scalar_exception_propagation (Python types):
//   not expressible.
// - test_choice_noninteger: OneSeed's Choice draws indices; NumPy draws exactly those indices and takes a[idx], so
//   it is ported as Choice plus indexing. test_choice_exceptions' 2-d `a` and 2-d `p`: not expressible.
// - test_shuffle's complex64/recarray/structured conversions: ported with stand-ins (Complex, value tuples), because
//   NumPy's shuffle moves whole items by the same random_interval draws whatever their dtype.
// - TestRandomDist.test_multivariate_normal: multivariate_normal is being added by another helper (SVD through
//   LAPACK, so only within about 1e-10 of NumPy, not at NumPy's decimal=15).
// - TestThread (threading), test_integer_dtype (dtype 'l'), test_broadcast_size_error (size vs broadcast shape),
//   test_randomstate_ctor_old_style_pickle (pickling), test_hot_swap, test_seed_alt_bit_gen,
//   test_state_error_alt_bit_gen, test_swap_worked, test_swapped_singleton_against_direct (np.random.set_bit_generator
//   with PCG64 behind the module-level functions): not expressible.
// - TestSingleEltArrayInput checks only shapes; it is ported as "a size-1 call returns one value, the scalar call's".
public sealed class NumPyKnownValueRandomStateTests
{
    // TestRandomDist.setup_method
    private const uint Seed = 1234567890;

    // TestBroadcast.setup_method
    private const uint BroadcastSeed = 123456789;

    private static NumPyRandomState Rs(uint seed) => new(seed);

    private static void Refused(Action call) => Assert.ThrowsAny<ArgumentException>(call);

    // ---------------------------------------------------------------- TestSeed

    [Fact]
    public void TestSeed_scalar()
    {
        Assert.Equal(684, Rs(0).RandInt(1000));
        Assert.Equal(419, Rs(4294967295).RandInt(1000));
    }

    [Fact]
    public void TestSeed_array()
    {
        uint[] range10 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(468, new NumPyRandomState(range10).RandInt(1000)); // range(10), np.arange(10)
        Assert.Equal(973, new NumPyRandomState(Mt19937.CreateLegacy([0u])).RandInt(1000)); // [0]
        Assert.Equal(265, new NumPyRandomState(Mt19937.CreateLegacy([4294967295u])).RandInt(1000)); // [4294967295]
    }

    [Fact]
    public void TestSeed_invalid_array_shape()
    {
        Refused(() => _ = new NumPyRandomState(Array.Empty<uint>())); // np.array([], dtype=np.int64)
    }

    // ---------------------------------------------------------------- TestBinomial

    [Fact]
    public void TestBinomial_n_zero()
    {
        NumPyRandomState random = Rs(Seed);
        foreach (double p in new[] { 0, .5, 1 })
        {
            Assert.Equal(0, random.Binomial(0, p));
            Assert.Equal(new long[2], random.Binomial(0, p, 2));
        }
    }

    [Fact]
    public void TestBinomial_p_is_nan()
    {
        Refused(() => Rs(Seed).Binomial(1, double.NaN));
    }

    // ---------------------------------------------------------------- TestMultinomial

    [Fact]
    public void TestMultinomial_basic_and_zero_probability()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(100, random.Multinomial(100, [0.2, 0.8]).Sum());
        long[] x = random.Multinomial(100, [0.2, 0.8, 0.0, 0.0, 0.0]);
        Assert.Equal(100, x.Sum());
        Assert.Equal(new long[3], x[2..]);
    }

    [Fact]
    public void TestMultinomial_int_negative_interval()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.InRange(random.RandInt(-5, -1), -5, -2);
        Assert.All(random.RandInt(-5, -1, 5), v => Assert.InRange(v, -5, -2));
    }

    [Fact]
    public void TestMultinomial_size()
    {
        long[,] x = Rs(Seed).Multinomial(1, [0.5, 0.5], 1);
        Assert.Equal(1, x.GetLength(0));
        Assert.Equal(2, x.GetLength(1));
    }

    [Fact]
    public void TestMultinomial_invalid_prob()
    {
        NumPyRandomState random = Rs(Seed);
        Refused(() => random.Multinomial(100, [1.1, 0.2]));
        Refused(() => random.Multinomial(100, [-.1, 0.9]));
    }

    [Fact]
    public void TestMultinomial_invalid_n()
    {
        Refused(() => Rs(Seed).Multinomial(-1, [0.8, 0.2]));
    }

    // ---------------------------------------------------------------- TestSetState

    [Fact]
    public void TestSetState_basic()
    {
        NumPyRandomState randomState = Rs(1234567890);
        NumPyLegacyState state = randomState.GetState();
        long[] old = randomState.Tomaxint(16);
        randomState.SetState(state);
        Assert.Equal(old, randomState.Tomaxint(16));
    }

    [Fact]
    public void TestSetState_gaussian_reset()
    {
        // Make sure the cached every-other-Gaussian is reset.
        NumPyRandomState randomState = Rs(1234567890);
        NumPyLegacyState state = randomState.GetState();
        double[] old = randomState.StandardNormal(3);
        randomState.SetState(state);
        Assert.Equal(old, randomState.StandardNormal(3));
    }

    [Fact]
    public void TestSetState_gaussian_reset_in_media_res()
    {
        // When the state is saved with a cached Gaussian, make sure the cached Gaussian is restored.
        NumPyRandomState randomState = Rs(1234567890);
        randomState.StandardNormal();
        NumPyLegacyState state = randomState.GetState();
        double[] old = randomState.StandardNormal(3);
        randomState.SetState(state);
        Assert.Equal(old, randomState.StandardNormal(3));
    }

    [Fact]
    public void TestSetState_backwards_compatibility()
    {
        // Old state tuples without the cached Gaussian: ('MT19937', key, pos).
        NumPyRandomState randomState = Rs(1234567890);
        NumPyLegacyState state = randomState.GetState();
        uint[] key = [.. state.BitGeneratorState.Key];
        int pos = state.BitGeneratorState.Position;
        double[] x1 = randomState.StandardNormal(16);
        randomState.SetState("MT19937", key, pos);
        double[] x2 = randomState.StandardNormal(16);
        randomState.SetState(state);
        double[] x3 = randomState.StandardNormal(16);
        Assert.Equal(x1, x2);
        Assert.Equal(x1, x3);
    }

    [Fact]
    public void TestSetState_negative_binomial()
    {
        // Takes floating-point n without truncation.
        Assert.True(Rs(1234567890).NegativeBinomial(0.5, 0.5) >= 0);
    }

    [Fact]
    public void TestSetState_invalid_legacy_state_setting()
    {
        NumPyRandomState randomState = Rs(1234567890);
        NumPyLegacyState state = randomState.GetState();
        Refused(() => randomState.SetState("Unknown", [.. state.BitGeneratorState.Key], state.BitGeneratorState.Position));

        // get_state(legacy=False) without 'bit_generator'.
        JsonObject json = JsonNode.Parse(randomState.GetStateJson())!.AsObject();
        Assert.True(json.Remove("bit_generator"));
        Assert.Throws<FormatException>(() => randomState.SetStateJson(json.ToJsonString()));
    }

    // ---------------------------------------------------------------- TestRandint (int64, the default dtype)

    [Fact]
    public void TestRandint_bounds_checking()
    {
        // rfunc(1, 0); the int64 bounds lbnd - 1, ubnd + 1 and ubnd = 2**63 are beyond long.
        Refused(() => Rs(Seed).RandInt(1, 0));
        Refused(() => Rs(Seed).RandInt(1, 0, 1));
    }

    [Fact]
    public void TestRandint_rng_zero_and_extremes()
    {
        NumPyRandomState random = Rs(Seed);
        long lbnd = long.MinValue;
        Assert.All(random.RandInt(lbnd, lbnd + 1, 1000), v => Assert.Equal(lbnd, v));

        // (lbnd + ubnd) // 2 = (-2**63 + 2**63) // 2 = 0
        Assert.All(random.RandInt(0, 1, 1000), v => Assert.Equal(0, v));
    }

    [Fact]
    public void TestRandint_in_bounds_fuzz()
    {
        // Don't use fixed seed
        var random = new NumPyRandomState();
        foreach (long ubnd in new long[] { 4, 8, 16 })
        {
            long[] vals = random.RandInt(2, ubnd, 1 << 16);
            Assert.True(vals.Max() < ubnd);
            Assert.True(vals.Min() >= 2);
        }
    }

    [Fact]
    public void TestRandint_repeatability_int64()
    {
        // sha256 of 1000 int64 samples in [0, 6), little endian.
        const string tgt = "0fbead0b06759df2cfb55e43148822d4a1ff953c7eb19a5b08445a63bb64fa9e";
        Assert.Equal(tgt, Sha256(Rs(1234).RandInt(0, 6, 1000)));
    }

    [Fact]
    public void TestRandint_repeatability_32bit_boundary_broadcasting()
    {
        long[] desired =
        [
            3992670689, 2438360420, 2557845020,
            4107320065, 4142558326, 3216529513,
            1605979228, 2807061240, 665605495,

            3211410639, 4128781000, 457175120,
            1712592594, 1282922662, 3081439808,
            3997822960, 2008322436, 1563495165,

            1398375547, 4269260146, 115316740,
            3414372578, 3437564012, 2112038651,
            3572980305, 2260248732, 3908238631,

            2561372503, 223155946, 3127879445,
            441282060, 3514786552, 2148440361,
            1629275283, 3479737011, 3003195987,

            412181688, 940383289, 3047321305,
            2978368172, 764731833, 2282559898,
            105711276, 720447391, 3596512484,
        ];
        long[] lows = [-1, 0, 1]; // [[-1], [0], [1]]
        long[] highs = [4294967295, 4294967296, 4294967297]; // [2**32 - 1, 2**32, 2**32 + 1]
        foreach (int blocks in new[] { 1 /* size=None: desired[0] */, 5 /* size=(5, 3, 3) */ })
        {
            NumPyRandomState random = Rs(12345);
            var x = new List<long>();
            for (int b = 0; b < blocks; b++)
            {
                for (int i = 0; i < 3; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        x.Add(random.RandInt(lows[i], highs[j]));
                    }
                }
            }

            Assert.Equal(desired[..x.Count], x);
        }
    }

    // ---------------------------------------------------------------- TestRandomDist

    [Fact]
    public void TestRandomDist_rand()
    {
        double[] actual = Rs(Seed).Rand(6);
        double[] desired =
        [
            0.61879477158567997, 0.59162362775974664,
            0.88868358904449662, 0.89165480011560816,
            0.4575674820298663, 0.7781880808593471,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_rand_singleton()
    {
        AlmostEqual(0.61879477158567997, Rs(Seed).Rand(), 15);
    }

    [Fact]
    public void TestRandomDist_randn()
    {
        double[] actual = Rs(Seed).RandN(6);
        double[] desired =
        [
            1.34016345771863121, 1.73759122771936081,
            1.498988344300628, -0.2286433324536169,
            2.031033998682787, 2.17032494605655257,
        ];
        AlmostEqual(desired, actual, 15);
        AlmostEqual(desired[0], Rs(Seed).StandardNormal(), 15); // randn()
    }

    [Fact]
    public void TestRandomDist_randint()
    {
        long[] actual = Rs(Seed).RandInt(-99, 99, 6);
        long[] desired =
        [
            31, 3,
            -52, 41,
            -48, -66,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_random_integers()
    {
        long[] desired =
        [
            31, 3,
            -52, 41,
            -48, -66,
        ];
        Assert.Equal(desired, Rs(Seed).RandomIntegers(-99, 99, 6));

        // random_integers(198, size=(3, 2)) is random_integers(1, 198, ...)
        Assert.Equal(desired.Select(v => v + 100), Rs(Seed).RandomIntegers(1, 198, 6));
    }

    [Fact]
    public void TestRandomDist_tomaxint()
    {
        NumPyRandomState rs = Rs(Seed);
        long[] actual = rs.Tomaxint(6);

        // np.iinfo(int).max != 2147483647 here (64-bit Linux)
        long[] desired =
        [
            5707374374421908479, 5456764827585442327,
            8196659375100692377, 8224063923314595285,
            4220315081820346526, 7177518203184491332,
        ];
        Assert.Equal(desired, actual);

        rs.Seed(Seed);
        Assert.Equal(desired[0], rs.Tomaxint());
    }

    [Fact]
    public void TestRandomDist_random_integers_max_int()
    {
        Assert.Equal(long.MaxValue, Rs(Seed).RandomIntegers(long.MaxValue, long.MaxValue));
    }

    [Fact]
    public void TestRandomDist_random_sample()
    {
        double[] actual = Rs(Seed).RandomSample(6);
        double[] desired =
        [
            0.61879477158567997, 0.59162362775974664,
            0.88868358904449662, 0.89165480011560816,
            0.4575674820298663, 0.7781880808593471,
        ];
        AlmostEqual(desired, actual, 15);
        AlmostEqual(desired[0], Rs(Seed).RandomSample(), 15);
    }

    [Fact]
    public void TestRandomDist_choice_uniform_replace()
    {
        Assert.Equal(new long[] { 2, 3, 2, 3 }, Rs(Seed).Choice(4, 4));
    }

    [Fact]
    public void TestRandomDist_choice_nonuniform_replace()
    {
        Assert.Equal(new long[] { 1, 1, 2, 2 }, Rs(Seed).Choice(4, 4, p: [0.4, 0.4, 0.1, 0.1]));
    }

    [Fact]
    public void TestRandomDist_choice_uniform_noreplace()
    {
        Assert.Equal(new long[] { 0, 1, 3 }, Rs(Seed).Choice(4, 3, replace: false));
    }

    [Fact]
    public void TestRandomDist_choice_nonuniform_noreplace()
    {
        Assert.Equal(new long[] { 2, 3, 1 }, Rs(Seed).Choice(4, 3, replace: false, p: [0.1, 0.3, 0.5, 0.1]));
    }

    [Fact]
    public void TestRandomDist_choice_noninteger()
    {
        // choice(['a', 'b', 'c', 'd'], 4) is a[choice(4, 4)] in NumPy.
        string[] a = ["a", "b", "c", "d"];
        Assert.Equal(new[] { "c", "d", "c", "d" }, Rs(Seed).Choice(4, 4).Select(i => a[i]));
    }

    [Fact]
    public void TestRandomDist_choice_exceptions()
    {
        NumPyRandomState random = Rs(Seed);
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
        NumPyRandomState random = Rs(Seed);
        Assert.Empty(random.RandInt(0, 0, 0));
        Assert.Empty(random.RandInt(0, -10, 0));
        Assert.Empty(random.RandInt(10, 10, 0));
        Assert.Empty(random.Choice(0, 0));
        Refused(() => random.Choice(0, 10)); // choice([], 10)
    }

    [Fact]
    public void TestRandomDist_choice_nan_probabilities()
    {
        Refused(() => Rs(Seed).Choice(3, p: [double.NaN, double.NaN, double.NaN])); // p = [None, None, None]
    }

    [Fact]
    public void TestRandomDist_bytes()
    {
        // b'\x82Ui\x9e\xff\x97+Wf\xa5'
        byte[] desired = [0x82, (byte)'U', (byte)'i', 0x9e, 0xff, 0x97, (byte)'+', (byte)'W', (byte)'f', 0xa5];
        Assert.Equal(desired, Rs(Seed).Bytes(10));
    }

    [Fact]
    public void TestRandomDist_shuffle()
    {
        int[] source = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        int[] desired = [0, 1, 9, 6, 2, 4, 5, 8, 7, 3];

        // np.array([])
        double[] empty = [];
        Rs(Seed).Shuffle(empty);
        Assert.Empty(empty);

        // lambda x: x (a list)
        var list = source.ToList();
        Rs(Seed).Shuffle(list);
        Assert.Equal(desired, list);

        // astype(np.int8), astype(np.float32), astype(np.complex64) (Complex stands in), astype(object)
        sbyte[] int8 = source.Select(v => (sbyte)v).ToArray();
        Rs(Seed).Shuffle(int8);
        Assert.Equal(desired.Select(v => (sbyte)v), int8);
        float[] float32 = source.Select(v => (float)v).ToArray();
        Rs(Seed).Shuffle(float32);
        Assert.Equal(desired.Select(v => (float)v), float32);
        System.Numerics.Complex[] complex = source.Select(v => new System.Numerics.Complex(v, 0)).ToArray();
        Rs(Seed).Shuffle(complex);
        Assert.Equal(desired.Select(v => new System.Numerics.Complex(v, 0)), complex);
        object[] objects = source.Cast<object>().ToArray();
        Rs(Seed).Shuffle(objects);
        Assert.Equal(desired.Cast<object>(), objects);

        // [(i, i) for i in x], and the record/structured arrays of (i, i) (gh-11442, gh-4270): value tuples stand in.
        var tuples = source.Select(i => (i, i)).ToList();
        Rs(Seed).Shuffle(tuples);
        Assert.Equal(desired.Select(i => (i, i)), tuples);

        // np.asarray([[i, i] for i in x]) and np.vstack([x, x]).T: rows move together (axis 0).
        int[][] rows = source.Select(i => new[] { i, i }).ToArray();
        Rs(Seed).Shuffle(rows);
        Assert.Equal(desired.Select(i => new[] { i, i }), rows);
    }

    [Fact]
    public void TestRandomDist_permutation()
    {
        // permutation(alist) of a 1-d sequence is a shuffled copy in NumPy; of a 2-d array, rows taken by a shuffled arange.
        int[] alist = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        int[] desired = [0, 1, 9, 6, 2, 4, 5, 8, 7, 3];
        int[] actual = (int[])alist.Clone();
        Rs(Seed).Shuffle(actual);
        Assert.Equal(desired, actual);

        long[] idx = Rs(Seed).Permutation(alist.Length); // arr_2d = np.atleast_2d(alist).T: arr[idx]
        Assert.Equal(desired, idx.Select(i => alist[i]));

        long[] desiredInt = [9, 0, 8, 5, 1, 3, 4, 7, 6, 2];
        Assert.Equal(desiredInt, Rs(Seed).Permutation(10));
    }

    [Fact]
    public void TestRandomDist_beta()
    {
        double[] actual = Rs(Seed).Beta(.1, .9, 6);
        double[] desired =
        [
            1.45341850513746058e-02, 5.31297615662868145e-04,
            1.85366619058432324e-06, 4.19214516800110563e-03,
            1.58405155108498093e-04, 1.26252891949397652e-04,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_binomial()
    {
        // binomial(100.123, .456): NumPy casts n to a C long, 100.
        long[] actual = Rs(Seed).Binomial(100, .456, 6);
        long[] desired =
        [
            37, 43,
            42, 48,
            46, 45,
        ];
        Assert.Equal(desired, actual);
        Assert.Equal(37, Rs(Seed).Binomial(100, .456));
    }

    [Fact]
    public void TestRandomDist_chisquare()
    {
        double[] actual = Rs(Seed).Chisquare(50, 6);
        double[] desired =
        [
            63.87858175501090585, 68.68407748911370447,
            65.77116116901505904, 47.09686762438974483,
            72.3828403199695174, 74.18408615260374006,
        ];
        AlmostEqual(desired, actual, 13);
    }

    [Fact]
    public void TestRandomDist_dirichlet()
    {
        double[] alpha = [51.72840233779265162, 39.74494232180943953];
        NumPyRandomState random = Rs(Seed);
        double[,] actual = random.Dirichlet(alpha, 6);
        double[] desired =
        [
            0.54539444573611562, 0.45460555426388438,
            0.62345816822039413, 0.37654183177960598,
            0.55206000085785778, 0.44793999914214233,
            0.58964023305154301, 0.41035976694845688,
            0.59266909280647828, 0.40733090719352177,
            0.56974431743975207, 0.43025568256024799,
        ];
        AlmostEqual(desired, Flat(actual), 15);
        double[] badAlpha = [5.4e-01, -1.0e-16];
        Refused(() => random.Dirichlet(badAlpha));

        AlmostEqual(desired[..2], Rs(Seed).Dirichlet(alpha), 15);
    }

    [Fact]
    public void TestRandomDist_dirichlet_size()
    {
        double[,] x = Rs(Seed).Dirichlet([51.72840233779265162, 39.74494232180943953], 1);
        Assert.Equal(1, x.GetLength(0));
        Assert.Equal(2, x.GetLength(1));
    }

    [Fact]
    public void TestRandomDist_dirichlet_bad_alpha()
    {
        Refused(() => Rs(Seed).Dirichlet([5.4e-01, -1.0e-16])); // gh-2089
    }

    [Fact]
    public void TestRandomDist_exponential()
    {
        double[] actual = Rs(Seed).Exponential(1.1234, 6);
        double[] desired =
        [
            1.08342649775011624, 1.00607889924557314,
            2.46628830085216721, 2.49668106809923884,
            0.68717433461363442, 1.69175666993575979,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_exponential_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Exponential(scale: 0));
        Refused(() => random.Exponential(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_f()
    {
        double[] actual = Rs(Seed).F(12, 77, 6);
        double[] desired =
        [
            1.21975394418575878, 1.75135759791559775,
            1.44803115017146489, 1.22108959480396262,
            1.02176975757740629, 1.34431827623300415,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_gamma()
    {
        double[] actual = Rs(Seed).Gamma(5, 3, 6);
        double[] desired =
        [
            24.60509188649287182, 28.54993563207210627,
            26.13476110204064184, 12.56988482927716078,
            31.71863275789960568, 33.30143302795922011,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_gamma_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Gamma(shape: 0, scale: 0));
        Refused(() => random.Gamma(shape: -0.0, scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_geometric()
    {
        long[] actual = Rs(Seed).Geometric(.123456789, 6);
        long[] desired =
        [
            8, 7,
            17, 17,
            5, 12,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_geometric_exceptions()
    {
        NumPyRandomState random = Rs(Seed);
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
        double[] actual = Rs(Seed).Gumbel(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            0.19591898743416816, 0.34405539668096674,
            -1.4492522252274278, -1.47374816298446865,
            1.10651090478803416, -0.69535848626236174,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_gumbel_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Gumbel(scale: 0));
        Refused(() => random.Gumbel(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_hypergeometric()
    {
        // hypergeometric(10.1, 5.5, 14): NumPy casts to C long, (10, 5, 14).
        NumPyRandomState random = Rs(Seed);
        long[] actual = random.Hypergeometric(10, 5, 14, 6);
        long[] desired =
        [
            10, 10,
            10, 10,
            9, 9,
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
        double[] actual = Rs(Seed).Laplace(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            0.66599721112760157, 0.52829452552221945,
            3.12791959514407125, 3.18202813572992005,
            -0.05391065675859356, 1.74901336242837324,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_laplace_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Laplace(scale: 0));
        Refused(() => random.Laplace(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_logistic()
    {
        double[] actual = Rs(Seed).Logistic(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            1.09232835305011444, 0.8648196662399954,
            4.27818590694950185, 4.33897006346929714,
            -0.21682183359214885, 2.63373365386060332,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_lognormal()
    {
        double[] actual = Rs(Seed).Lognormal(mean: .123456789, sigma: 2.0, size: 6);
        double[] desired =
        [
            16.50698631688883822, 36.54846706092654784,
            22.67886599981281748, 0.71617561058995771,
            65.72798501792723869, 86.84341601437161273,
        ];
        AlmostEqual(desired, actual, 13);
    }

    [Fact]
    public void TestRandomDist_lognormal_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(1.0, random.Lognormal(sigma: 0));
        Refused(() => random.Lognormal(sigma: -0.0));
    }

    [Fact]
    public void TestRandomDist_logseries()
    {
        long[] actual = Rs(Seed).Logseries(p: .923456789, size: 6);
        long[] desired =
        [
            2, 2,
            6, 17,
            3, 6,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_logseries_zero()
    {
        Assert.Equal(1, Rs(Seed).Logseries(0));
    }

    [Theory]
    [InlineData(-double.Epsilon)] // np.nextafter(0., -1)
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(5.0)]
    public void TestRandomDist_logseries_exceptions(double value)
    {
        NumPyRandomState random = Rs(Seed);
        Refused(() => random.Logseries(value));
        Refused(() => random.Logseries(value, 10)); // contiguous path
        Refused(() => random.Logseries(value, 5)); // non-contiguous path
    }

    [Fact]
    public void TestRandomDist_multinomial()
    {
        long[,] actual = Rs(Seed).Multinomial(20, [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0], 6);
        long[] desired =
        [
            4, 3, 5, 4, 2, 2,
            5, 2, 8, 2, 2, 1,
            3, 4, 3, 6, 0, 4,
            2, 1, 4, 3, 6, 4,
            4, 4, 2, 5, 2, 3,
            4, 3, 4, 2, 3, 4,
        ];
        Assert.Equal(desired, Flat(actual));
    }

    [Fact]
    public void TestRandomDist_negative_binomial()
    {
        long[] actual = Rs(Seed).NegativeBinomial(n: 100, p: .12345, size: 6);
        long[] desired =
        [
            848, 841,
            892, 611,
            779, 647,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_negative_binomial_exceptions()
    {
        NumPyRandomState random = Rs(Seed);
        Refused(() => random.NegativeBinomial(100, double.NaN));
        Refused(() => random.NegativeBinomial(100, double.NaN, 10));
    }

    [Fact]
    public void TestRandomDist_noncentral_chisquare()
    {
        NumPyRandomState random = Rs(Seed);
        double[] actual = random.NoncentralChisquare(df: 5, nonc: 5, size: 6);
        double[] desired =
        [
            23.91905354498517511, 13.35324692733826346,
            31.22452661329736401, 16.60047399466177254,
            5.03461598262724586, 17.94973089023519464,
        ];
        AlmostEqual(desired, actual, 14);

        actual = random.NoncentralChisquare(df: .5, nonc: .2, size: 6);
        desired =
        [
            1.47145377828516666, 0.15052899268012659,
            0.00943803056963588, 1.02647251615666169,
            0.332334982684171, 0.15451287602753125,
        ];
        AlmostEqual(desired, actual, 14);

        actual = Rs(Seed).NoncentralChisquare(df: 5, nonc: 0, size: 6);
        desired =
        [
            9.597154162763948, 11.725484450296079,
            10.413711048138335, 3.694475922923986,
            13.484222138963087, 14.377255424602957,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_noncentral_f()
    {
        double[] actual = Rs(Seed).NoncentralF(dfnum: 5, dfden: 2, nonc: 1, size: 6);
        double[] desired =
        [
            1.40598099674926669, 0.34207973179285761,
            3.57715069265772545, 7.92632662577829805,
            0.43741599463544162, 1.1774208752428319,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_noncentral_f_nan()
    {
        Assert.True(double.IsNaN(Rs(Seed).NoncentralF(dfnum: 5, dfden: 2, nonc: double.NaN)));
    }

    [Fact]
    public void TestRandomDist_normal()
    {
        double[] actual = Rs(Seed).Normal(loc: .123456789, scale: 2.0, size: 6);
        double[] desired =
        [
            2.80378370443726244, 3.59863924443872163,
            3.121433477601256, -0.33382987590723379,
            4.18552478636557357, 4.46410668111310471,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_normal_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Normal(0, scale: 0));
        Refused(() => random.Normal(0, scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_pareto()
    {
        double[] actual = Rs(Seed).Pareto(a: .123456789, size: 6);
        double[] desired =
        [
            2.46852460439034849e+03, 1.41286880810518346e+03,
            5.28287797029485181e+07, 6.57720981047328785e+07,
            1.40840323350391515e+02, 1.98390255135251704e+05,
        ];
        AlmostEqualNulp(desired, actual, 30);
    }

    [Fact]
    public void TestRandomDist_poisson()
    {
        long[] actual = Rs(Seed).Poisson(lam: .123456789, size: 6);
        long[] desired =
        [
            0, 0,
            1, 0,
            0, 0,
        ];
        Assert.Equal(desired, actual);
    }

    [Fact]
    public void TestRandomDist_poisson_exceptions()
    {
        NumPyRandomState random = Rs(Seed);
        double lambig = long.MaxValue; // np.iinfo('l').max
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
        double[] actual = Rs(Seed).Power(a: .123456789, size: 6);
        double[] desired =
        [
            0.02048932883240791, 0.01424192241128213,
            0.38446073748535298, 0.39499689943484395,
            0.00177699707563439, 0.13115505880863756,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_rayleigh()
    {
        double[] actual = Rs(Seed).Rayleigh(scale: 10, size: 6);
        double[] desired =
        [
            13.8882496494248393, 13.383318339044731,
            20.95413364294492098, 21.08285015800712614,
            11.06066537006854311, 17.35468505778271009,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_rayleigh_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.Rayleigh(scale: 0));
        Refused(() => random.Rayleigh(scale: -0.0));
    }

    [Fact]
    public void TestRandomDist_standard_cauchy()
    {
        double[] actual = Rs(Seed).StandardCauchy(6);
        double[] desired =
        [
            0.77127660196445336, -6.55601161955910605,
            0.93582023391158309, -2.07479293013759447,
            -4.74601644297011926, 0.18338989290760804,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_standard_exponential()
    {
        double[] actual = Rs(Seed).StandardExponential(6);
        double[] desired =
        [
            0.96441739162374596, 0.89556604882105506,
            2.1953785836319808, 2.22243285392490542,
            0.6116915921431676, 1.50592546727413201,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_standard_gamma()
    {
        double[] actual = Rs(Seed).StandardGamma(shape: 3, size: 6);
        double[] desired =
        [
            5.50841531318455058, 6.62953470301903103,
            5.93988484943779227, 2.31044849402133989,
            7.54838614231317084, 8.012756093271868,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_standard_gamma_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(0.0, random.StandardGamma(shape: 0));
        Refused(() => random.StandardGamma(shape: -0.0));
    }

    [Fact]
    public void TestRandomDist_standard_normal()
    {
        double[] actual = Rs(Seed).StandardNormal(6);
        double[] desired =
        [
            1.34016345771863121, 1.73759122771936081,
            1.498988344300628, -0.2286433324536169,
            2.031033998682787, 2.17032494605655257,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_randn_singleton()
    {
        AlmostEqual(1.34016345771863121, Rs(Seed).StandardNormal(), 15);
    }

    [Fact]
    public void TestRandomDist_standard_t()
    {
        double[] actual = Rs(Seed).StandardT(df: 10, size: 6);
        double[] desired =
        [
            0.97140611862659965, -0.08830486548450577,
            1.36311143689505321, -0.55317463909867071,
            -0.18473749069684214, 0.61181537341755321,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_triangular()
    {
        double[] actual = Rs(Seed).Triangular(left: 5.12, mode: 10.23, right: 20.34, size: 6);
        double[] desired =
        [
            12.68117178949215784, 12.4129206149193152,
            16.20131377335158263, 16.25692138747600524,
            11.20400690911820263, 14.4978144835829923,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_uniform()
    {
        double[] actual = Rs(Seed).Uniform(low: 1.23, high: 10.54, size: 6);
        double[] desired =
        [
            6.99097932346268003, 6.73801597444323974,
            9.50364421400426274, 9.53130618907631089,
            5.48995325769805476, 8.47493103280052118,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_uniform_range_bounds()
    {
        NumPyRandomState random = Rs(Seed);
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
    public void TestRandomDist_vonmises()
    {
        double[] actual = Rs(Seed).Vonmises(mu: 1.23, kappa: 1.54, size: 6);
        double[] desired =
        [
            2.28567572673902042, 2.89163838442285037,
            0.38198375564286025, 2.57638023113890746,
            1.19153771588353052, 1.83509849681825354,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_vonmises_small()
    {
        // check infinite loop, gh-4720
        double[] r = Rs(Seed).Vonmises(mu: 0.0, kappa: 1.1e-8, size: 1000000);
        Assert.All(r, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void TestRandomDist_vonmises_large()
    {
        // guard against changes in RandomState when Generator is fixed
        double[] actual = Rs(Seed).Vonmises(mu: 0.0, kappa: 1e7, size: 3);
        double[] desired =
        [
            4.634253748521111e-04,
            3.558873596114509e-04,
            -2.337119622577433e-04,
        ];
        AlmostEqual(desired, actual, 8);
    }

    [Fact]
    public void TestRandomDist_vonmises_nan()
    {
        Assert.True(double.IsNaN(Rs(Seed).Vonmises(mu: 0.0, kappa: double.NaN)));
    }

    [Fact]
    public void TestRandomDist_wald()
    {
        double[] actual = Rs(Seed).Wald(mean: 1.23, scale: 1.54, size: 6);
        double[] desired =
        [
            3.82935265715889983, 5.13125249184285526,
            0.35045403618358717, 1.50832396872003538,
            0.24124319895843183, 0.22031101461955038,
        ];
        AlmostEqual(desired, actual, 14);
    }

    [Fact]
    public void TestRandomDist_weibull()
    {
        double[] actual = Rs(Seed).Weibull(a: 1.23, size: 6);
        double[] desired =
        [
            0.97097342648766727, 0.91422896443565516,
            1.89517770034962929, 1.91414357960479564,
            0.67057783752390987, 1.39494046635066793,
        ];
        AlmostEqual(desired, actual, 15);
    }

    [Fact]
    public void TestRandomDist_weibull_0()
    {
        NumPyRandomState random = Rs(Seed);
        Assert.Equal(new double[12], random.Weibull(a: 0, size: 12));
        Refused(() => random.Weibull(a: -0.0));
    }

    [Fact]
    public void TestRandomDist_zipf()
    {
        long[] actual = Rs(Seed).Zipf(a: 1.23, size: 6);
        long[] desired =
        [
            66, 29,
            1, 1,
            3, 13,
        ];
        Assert.Equal(desired, actual);
    }

    // ---------------------------------------------------------------- TestBroadcast (broadcasting as loops of scalar calls)

    private static double[] Loop(Func<NumPyRandomState, double> draw, int count = 3)
    {
        NumPyRandomState random = Rs(BroadcastSeed); // self.set_seed()
        double[] result = new double[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = draw(random);
        }

        return result;
    }

    private static long[] LoopInt64(Func<NumPyRandomState, long> draw, int count = 3)
    {
        NumPyRandomState random = Rs(BroadcastSeed);
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
        double[] desired =
        [
            0.53283302478975902,
            0.53413660089041659,
            0.50955303552646702,
        ];
        AlmostEqual(desired, Loop(r => r.Uniform(0, 1)), 14); // low * 3, high / low, high * 3
    }

    [Fact]
    public void TestBroadcast_normal()
    {
        double[] desired =
        [
            2.2129019979039612,
            2.1283977976520019,
            1.8417114045748335,
        ];
        AlmostEqual(desired, Loop(r => r.Normal(0, 1)), 14); // loc * 3, scale / loc, scale * 3
        Refused(() => Rs(BroadcastSeed).Normal(0, -1));
    }

    [Fact]
    public void TestBroadcast_beta()
    {
        double[] desired =
        [
            0.19843558305989056,
            0.075230336409423643,
            0.24976865978980844,
        ];
        AlmostEqual(desired, Loop(r => r.Beta(1, 2)), 14); // a * 3, b / a, b * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Beta(-1, 2));
        Refused(() => random.Beta(1, -2));
    }

    [Fact]
    public void TestBroadcast_exponential()
    {
        double[] desired =
        [
            0.76106853658845242,
            0.76386282278691653,
            0.71243813125891797,
        ];
        AlmostEqual(desired, Loop(r => r.Exponential(1)), 14);
        Refused(() => Rs(BroadcastSeed).Exponential(-1));
    }

    [Fact]
    public void TestBroadcast_standard_gamma()
    {
        double[] desired =
        [
            0.76106853658845242,
            0.76386282278691653,
            0.71243813125891797,
        ];
        AlmostEqual(desired, Loop(r => r.StandardGamma(1)), 14);
        Refused(() => Rs(BroadcastSeed).StandardGamma(-1));
    }

    [Fact]
    public void TestBroadcast_gamma()
    {
        double[] desired =
        [
            1.5221370731769048,
            1.5277256455738331,
            1.4248762625178359,
        ];
        AlmostEqual(desired, Loop(r => r.Gamma(1, 2)), 14); // shape * 3, scale / shape, scale * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Gamma(-1, 2));
        Refused(() => random.Gamma(1, -2));
    }

    [Fact]
    public void TestBroadcast_f()
    {
        double[] desired =
        [
            0.80038951638264799,
            0.86768719635363512,
            2.7251095168386801,
        ];
        AlmostEqual(desired, Loop(r => r.F(1, 2)), 14); // dfnum * 3, dfden / dfnum, dfden * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.F(-1, 2));
        Refused(() => random.F(1, -2));
    }

    [Fact]
    public void TestBroadcast_noncentral_f()
    {
        double[] desired =
        [
            9.1393943263705211,
            13.025456344595602,
            8.8018098359100545,
        ];
        AlmostEqual(desired, Loop(r => r.NoncentralF(2, 3, 4)), 14); // each of the three * 3
        Assert.All(Loop(r => r.NoncentralF(2, 3, double.NaN)), v => Assert.True(double.IsNaN(v)));
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.NoncentralF(0, 3, 4));
        Refused(() => random.NoncentralF(2, -1, 4));
        Refused(() => random.NoncentralF(2, 3, -2));
    }

    [Fact]
    public void TestBroadcast_noncentral_f_small_df()
    {
        double[] desired = [6.869638627492048, 0.785880199263955];
        AlmostEqual(desired, Rs(BroadcastSeed).NoncentralF(0.9, 0.9, 2, 2), 14);
    }

    [Fact]
    public void TestBroadcast_chisquare()
    {
        double[] desired =
        [
            0.57022801133088286,
            0.51947702108840776,
            0.1320969254923558,
        ];
        AlmostEqual(desired, Loop(r => r.Chisquare(1)), 14);
        Refused(() => Rs(BroadcastSeed).Chisquare(-1));
    }

    [Fact]
    public void TestBroadcast_noncentral_chisquare()
    {
        double[] desired =
        [
            9.0015599467913763,
            4.5804135049718742,
            6.0872302432834564,
        ];
        AlmostEqual(desired, Loop(r => r.NoncentralChisquare(1, 2)), 14); // df * 3, nonc / df, nonc * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.NoncentralChisquare(-1, 2));
        Refused(() => random.NoncentralChisquare(1, -2));
    }

    [Fact]
    public void TestBroadcast_standard_t()
    {
        double[] desired =
        [
            3.0702872575217643,
            5.8560725167361607,
            1.0274791436474273,
        ];
        AlmostEqual(desired, Loop(r => r.StandardT(1)), 14);
        Refused(() => Rs(BroadcastSeed).StandardT(-1));
    }

    [Fact]
    public void TestBroadcast_vonmises()
    {
        double[] desired =
        [
            2.9883443664201312,
            -2.7064099483995943,
            -1.8672476700665914,
        ];
        AlmostEqual(desired, Loop(r => r.Vonmises(2, 1)), 14); // mu * 3, kappa / mu, kappa * 3
        Refused(() => Rs(BroadcastSeed).Vonmises(2, -1));
    }

    [Fact]
    public void TestBroadcast_pareto()
    {
        double[] desired =
        [
            1.1405622680198362,
            1.1465519762044529,
            1.0389564467453547,
        ];
        AlmostEqual(desired, Loop(r => r.Pareto(1)), 14);
        Refused(() => Rs(BroadcastSeed).Pareto(-1));
    }

    [Fact]
    public void TestBroadcast_weibull()
    {
        double[] desired =
        [
            0.76106853658845242,
            0.76386282278691653,
            0.71243813125891797,
        ];
        AlmostEqual(desired, Loop(r => r.Weibull(1)), 14);
        Refused(() => Rs(BroadcastSeed).Weibull(-1));
    }

    [Fact]
    public void TestBroadcast_power()
    {
        double[] desired =
        [
            0.53283302478975902,
            0.53413660089041659,
            0.50955303552646702,
        ];
        AlmostEqual(desired, Loop(r => r.Power(1)), 14);
        Refused(() => Rs(BroadcastSeed).Power(-1));
    }

    [Fact]
    public void TestBroadcast_laplace()
    {
        double[] desired =
        [
            0.067921356028507157,
            0.070715642226971326,
            0.019290950698972624,
        ];
        AlmostEqual(desired, Loop(r => r.Laplace(0, 1)), 14); // loc * 3, scale / loc, scale * 3
        Refused(() => Rs(BroadcastSeed).Laplace(0, -1));
    }

    [Fact]
    public void TestBroadcast_gumbel()
    {
        double[] desired =
        [
            0.2730318639556768,
            0.26936705726291116,
            0.33906220393037939,
        ];
        AlmostEqual(desired, Loop(r => r.Gumbel(0, 1)), 14);
        Refused(() => Rs(BroadcastSeed).Gumbel(0, -1));
    }

    [Fact]
    public void TestBroadcast_logistic()
    {
        double[] desired =
        [
            0.13152135837586171,
            0.13675915696285773,
            0.038216792802833396,
        ];
        AlmostEqual(desired, Loop(r => r.Logistic(0, 1)), 14);
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Logistic(0, -1));
        Assert.Equal(1.0, random.Logistic(1.0, 0.0));
    }

    [Fact]
    public void TestBroadcast_lognormal()
    {
        double[] desired =
        [
            9.1422086044848427,
            8.4013952870126261,
            6.3073234116578671,
        ];
        AlmostEqual(desired, Loop(r => r.Lognormal(0, 1)), 14); // mean * 3, sigma / mean, sigma * 3
        Refused(() => Rs(BroadcastSeed).Lognormal(0, -1));
    }

    [Fact]
    public void TestBroadcast_rayleigh()
    {
        double[] desired =
        [
            1.2337491937897689,
            1.2360119924878694,
            1.1936818095781789,
        ];
        AlmostEqual(desired, Loop(r => r.Rayleigh(1)), 14);
        Refused(() => Rs(BroadcastSeed).Rayleigh(-1));
    }

    [Fact]
    public void TestBroadcast_wald()
    {
        double[] desired =
        [
            0.11873681120271318,
            0.12450084820795027,
            0.9096122728408238,
        ];
        AlmostEqual(desired, Loop(r => r.Wald(0.5, 1)), 14); // mean * 3, scale / mean, scale * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Wald(0, 1));
        Refused(() => random.Wald(0.5, -2));
        Refused(() => random.Wald(0.0, 1));
        Refused(() => random.Wald(0.5, 0.0));
    }

    [Fact]
    public void TestBroadcast_triangular()
    {
        double[] desired =
        [
            2.03339048710429,
            2.0347400359389356,
            2.0095991069536208,
        ];
        AlmostEqual(desired, Loop(r => r.Triangular(1, 2, 3)), 14); // each of the three * 3
        NumPyRandomState random = Rs(BroadcastSeed);
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
        long[] desired = [1, 1, 1];
        Assert.Equal(desired, LoopInt64(r => r.Binomial(1, 0.5))); // n * 3, p / n, p * 3
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Binomial(-1, 0.5));
        Refused(() => random.Binomial(1, -1));
        Refused(() => random.Binomial(1, 1.5));
    }

    [Fact]
    public void TestBroadcast_negative_binomial()
    {
        long[] desired = [1, 0, 1];
        Assert.Equal(desired, LoopInt64(r => r.NegativeBinomial(1, 0.5)));
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.NegativeBinomial(-1, 0.5));
        Refused(() => random.NegativeBinomial(1, -1));
        Refused(() => random.NegativeBinomial(1, 1.5));
    }

    [Fact]
    public void TestBroadcast_poisson()
    {
        long[] desired = [1, 1, 0];
        Assert.Equal(desired, LoopInt64(r => r.Poisson(1)));
        double maxLam = (double)long.MaxValue - (Math.Sqrt(long.MaxValue) * 10); // RandomState()._poisson_lam_max
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Poisson(-1));
        Refused(() => random.Poisson(maxLam * 2));
    }

    [Fact]
    public void TestBroadcast_zipf()
    {
        long[] desired = [2, 2, 1];
        Assert.Equal(desired, LoopInt64(r => r.Zipf(2)));
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Zipf(0));
        Refused(() => random.Zipf(double.NaN));
    }

    [Fact]
    public void TestBroadcast_geometric()
    {
        long[] desired = [2, 2, 2];
        Assert.Equal(desired, LoopInt64(r => r.Geometric(0.5)));
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Geometric(-1));
        Refused(() => random.Geometric(1.5));
    }

    [Fact]
    public void TestBroadcast_hypergeometric()
    {
        long[] desired = [1, 1, 1];
        Assert.Equal(desired, LoopInt64(r => r.Hypergeometric(1, 2, 2))); // each of the three * 3
        NumPyRandomState hypergeom = Rs(BroadcastSeed);
        Refused(() => hypergeom.Hypergeometric(-1, 2, 2)); // bad_ngood
        Refused(() => hypergeom.Hypergeometric(1, -2, 2)); // bad_nbad
        Refused(() => hypergeom.Hypergeometric(1, 2, 0)); // bad_nsample_one
        Refused(() => hypergeom.Hypergeometric(1, 2, 4)); // bad_nsample_two

        Refused(() => hypergeom.Hypergeometric(-1, 10, 20));
        Refused(() => hypergeom.Hypergeometric(10, -1, 20));
        Refused(() => hypergeom.Hypergeometric(10, 10, 0));
        Refused(() => hypergeom.Hypergeometric(10, 10, 25));
    }

    [Fact]
    public void TestBroadcast_logseries()
    {
        long[] desired = [1, 1, 1];
        Assert.Equal(desired, LoopInt64(r => r.Logseries(0.5)));
        NumPyRandomState random = Rs(BroadcastSeed);
        Refused(() => random.Logseries(2));
        Refused(() => random.Logseries(-1));
    }

    // ---------------------------------------------------------------- TestSingleEltArrayInput (size-1 calls give the scalar call's value)

    private static void SameAsScalar(Func<NumPyRandomState, double> scalar, Func<NumPyRandomState, double[]> sizeOne)
    {
        double[] array = sizeOne(Rs(Seed));
        Assert.Single(array);
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar(Rs(Seed))), BitConverter.DoubleToInt64Bits(array[0]));
    }

    private static void SameAsScalar(Func<NumPyRandomState, long> scalar, Func<NumPyRandomState, long[]> sizeOne)
    {
        long[] array = sizeOne(Rs(Seed));
        Assert.Single(array);
        Assert.Equal(scalar(Rs(Seed)), array[0]);
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

    [Fact]
    public void TestSingleEltArrayInput_three_arg_funcs()
    {
        SameAsScalar(r => r.NoncentralF(2, 3, 4), r => r.NoncentralF(2, 3, 4, 1));
        SameAsScalar(r => r.Triangular(2, 3, 4), r => r.Triangular(2, 3, 4, 1));
        SameAsScalar(r => r.Hypergeometric(2, 3, 4), r => r.Hypergeometric(2, 3, 4, 1));
    }

    // ---------------------------------------------------------------- test_integer_repeat (module level, INT_FUNCS / INT_FUNC_HASHES)

    [Theory]
    [InlineData("binomial", "8626dd9d052cb608e93d8868de0a7b347258b199493871a1dc56e2a26cacb112")]
    [InlineData("geometric", "8edd53d272e49c4fc8fbbe6c7d08d563d62e482921f3131d0a0e068af30f0db9")]
    [InlineData("hypergeometric", "83496cc4281c77b786c9b7ad88b74d42e01603a55c60577ebab81c3ba8d45657")]
    [InlineData("logseries", "65878a38747c176bc00e930ebafebb69d4e1e16cd3a704e264ea8f5e24f548db")]
    [InlineData("multinomial", "7a984ae6dca26fd25374479e118b22f55db0aedccd5a0f2584ceada33db98605")]
    [InlineData("negative_binomial", "d636d968e6a24ae92ab52fe11c46ac45b0897e98714426764e820a7d77602a61")]
    [InlineData("poisson", "956552176f77e7c9cb20d0118fc9cf690be488d790ed4b4c4747b965e61b0bb4")]
    [InlineData("zipf", "f84ba7feffda41e606e20b28dfc0f1ea9964a74574513d4a4cbc98433a8bfa45")]
    public void Integer_repeat(string fname, string sha256)
    {
        // random.seed(123456789); f(*INT_FUNCS[fname], size=1000000); sha256 of the int64 ('l' on 64-bit Linux) values.
        const int size = 1000000;
        NumPyRandomState random = Rs(123456789);
        long[] val = fname switch
        {
            "binomial" => random.Binomial(100, 0.6, size), // (100.0, 0.6)
            "geometric" => random.Geometric(.5, size),
            "hypergeometric" => random.Hypergeometric(20, 20, 10, size),
            "logseries" => random.Logseries(.5, size),
            "multinomial" => Flat(random.Multinomial(20, [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0], size)), // (20, np.ones(6) / 6.0)
            "negative_binomial" => random.NegativeBinomial(100, .5, size),
            "poisson" => random.Poisson(10.0, size),
            "zipf" => random.Zipf(2, size),
            _ => throw new ArgumentOutOfRangeException(nameof(fname)),
        };
        Assert.Equal(sha256, Sha256(val));
    }
}
