using System.Globalization;
using System.Security.Cryptography;

namespace OneSeed.Tests.Compat;

/// <summary>
/// NumPy's own comparison functions (<c>numpy.testing</c>), reproduced for the known-value tests ported from NumPy's
/// test suite, so that each case is held to exactly the precision NumPy holds itself to.
/// </summary>
internal static class NumPyKnownValueAssert
{
    /// <summary>
    /// <c>assert_array_almost_equal(actual, desired, decimal)</c>: every element must satisfy
    /// <c>abs(desired - actual) &lt; 1.5 * 10**(-decimal)</c>; NaN and infinities must sit at the same positions.
    /// </summary>
    public static void AlmostEqual(double[] desired, double[] actual, int decimalPlaces)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(desired.Length, actual.Length);
        double tolerance = 1.5 * Math.Pow(10.0, -decimalPlaces);
        for (int i = 0; i < desired.Length; i++)
        {
            double d = desired[i];
            double a = actual[i];
            bool ok = double.IsNaN(d) || double.IsNaN(a)
                ? double.IsNaN(d) && double.IsNaN(a)
                : double.IsInfinity(d) || double.IsInfinity(a) ? d == a : Math.Abs(d - a) < tolerance;
            Assert.True(ok, string.Create(CultureInfo.InvariantCulture, $"element {i} of {desired.Length}: desired {d:R}, actual {a:R}, |diff| {Math.Abs(d - a):R} not below {tolerance:R} (decimal={decimalPlaces})"));
        }
    }

    /// <summary>The scalar form of <see cref="AlmostEqual(double[], double[], int)"/>.</summary>
    public static void AlmostEqual(double desired, double actual, int decimalPlaces) => AlmostEqual([desired], [actual], decimalPlaces);

    /// <summary>
    /// <c>assert_array_almost_equal_nulp(actual, desired, nulp)</c>: <c>abs(x - y) &lt;= nulp * spacing(max(abs(x), abs(y)))</c>.
    /// </summary>
    public static void AlmostEqualNulp(double[] desired, double[] actual, int nulp)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(desired.Length, actual.Length);
        for (int i = 0; i < desired.Length; i++)
        {
            double ax = Math.Abs(actual[i]);
            double ay = Math.Abs(desired[i]);
            double reference = nulp * Spacing(ax > ay ? ax : ay);
            double diff = Math.Abs(actual[i] - desired[i]);
            Assert.True(diff <= reference, string.Create(CultureInfo.InvariantCulture, $"element {i}: desired {desired[i]:R}, actual {actual[i]:R}, |diff| {diff:R} above {nulp} ulp ({reference:R})"));
        }
    }

    /// <summary><c>assert_allclose(actual, desired, rtol, atol)</c>: <c>abs(actual - desired) &lt;= atol + rtol * abs(desired)</c>.</summary>
    public static void AllClose(double[] desired, double[] actual, double rtol = 1e-7, double atol = 0)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(desired.Length, actual.Length);
        for (int i = 0; i < desired.Length; i++)
        {
            double diff = Math.Abs(actual[i] - desired[i]);
            Assert.True(diff <= atol + (rtol * Math.Abs(desired[i])), string.Create(CultureInfo.InvariantCulture, $"element {i}: desired {desired[i]:R}, actual {actual[i]:R}, |diff| {diff:R} (rtol {rtol:R}, atol {atol:R})"));
        }
    }

    /// <summary>The elements of a rectangular array in C (row-major) order: NumPy's flattening of a <c>size=(3, 2)</c> result.</summary>
    public static T[] Flat<T>(T[,] array) => array.Cast<T>().ToArray();

    /// <summary>
    /// <c>hashlib.sha256(values).hexdigest()</c> of an int64 array as NumPy's tests hash it (little-endian bytes; this
    /// project only runs on little-endian hosts, which the test asserts).
    /// </summary>
    public static string Sha256(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Assert.True(BitConverter.IsLittleEndian);
        byte[] bytes = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary><c>hashlib.sha256(key).hexdigest()</c> of a uint32 array (MT19937's key) in little-endian bytes.</summary>
    public static string Sha256(IReadOnlyList<uint> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Assert.True(BitConverter.IsLittleEndian);
        uint[] copy = [.. values];
        byte[] bytes = new byte[copy.Length * sizeof(uint)];
        Buffer.BlockCopy(copy, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    // np.spacing for a non-negative finite double: the gap to the next larger double.
    private static double Spacing(double x) => Math.BitIncrement(x) - x;
}
