namespace OneSeed.Distributions;

/// <summary>
/// CPython's float operators and <c>math</c> functions as <c>random.py</c> uses them: the platform's libm underneath
/// (as CPython), with CPython's own special cases in front and its errors where it raises one.
/// </summary>
/// <remarks>
/// <para>
/// CPython checks libm's result rather than trusting it: <c>math.exp</c> raises OverflowError for an infinite result
/// of a finite argument; <c>math.log</c> and <c>math.acos</c> raise ValueError ("math domain error") outside their
/// domain; float division and <c>0.0 ** negative</c> raise ZeroDivisionError; <c>x ** y</c> (<c>float_pow</c>)
/// settles zeros, infinities, NaNs, 1 and negative bases itself and calls <c>pow</c> only for finite positive bases
/// other than 1, raising OverflowError when that overflows (underflow, even to a subnormal, is silent). Here the
/// same inputs give the same values, and the errors become <see cref="OverflowException"/>,
/// <see cref="DivideByZeroException"/> and <see cref="ArithmeticException"/> (domain errors), all
/// <see cref="ArithmeticException"/>s. They depend on drawn values, so they are thrown after the draws, as CPython raises.
/// </para>
/// <para>
/// Reproducibility tier: the libm calls (<see cref="Math.Exp"/>, <see cref="Math.Log(double)"/>,
/// <see cref="Math.Acos"/>, <see cref="Math.Pow"/>) give glibc's bits on Linux, which is what CPython calls there;
/// the special cases are exact.
/// </para>
/// </remarks>
internal static class CPythonFloatMath
{
    /// <summary><c>math.exp(x)</c>.</summary>
    /// <exception cref="OverflowException">exp(x) overflows for a finite x (CPython: OverflowError "math range error").</exception>
    public static double Exp(double x)
    {
        double r = Math.Exp(x);
        if (double.IsInfinity(r) && double.IsFinite(x))
        {
            throw new OverflowException($"math range error: exp({x:R}) overflows (CPython raises OverflowError).");
        }

        return r;
    }

    /// <summary><c>math.log(x)</c> (CPython's <c>m_log</c>: NaN and +inf pass through).</summary>
    /// <exception cref="ArithmeticException">x is zero or negative (CPython: ValueError "math domain error").</exception>
    public static double Log(double x)
    {
        if (x > 0.0 || double.IsNaN(x))
        {
            return double.IsFinite(x) ? Math.Log(x) : x;
        }

        throw new ArithmeticException($"math domain error: log({x:R}) (CPython raises ValueError).");
    }

    /// <summary><c>math.acos(x)</c>.</summary>
    /// <exception cref="ArithmeticException">|x| &gt; 1 (CPython: ValueError "math domain error").</exception>
    public static double Acos(double x)
    {
        double r = Math.Acos(x);
        if (double.IsNaN(r) && !double.IsNaN(x))
        {
            throw new ArithmeticException($"math domain error: acos({x:R}) (CPython raises ValueError).");
        }

        return r;
    }

    /// <summary>CPython's float division <c>a / b</c>.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero (CPython: ZeroDivisionError "float division by zero").</exception>
    public static double Divide(double a, double b)
    {
        if (b == 0.0)
        {
            throw new DivideByZeroException($"float division by zero: {a:R} / {b:R} (CPython raises ZeroDivisionError).");
        }

        return a / b;
    }

    /// <summary>CPython's float modulo <c>x % y</c> (<c>float_rem</c>) for a non-zero <paramref name="y"/>: the remainder takes the sign of <paramref name="y"/>.</summary>
    public static double Remainder(double x, double y)
    {
        // C#'s % on doubles is C's fmod (exact, so the same bits everywhere); CPython then moves it into y's sign.
        double mod = x % y;
        if (mod != 0.0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
            }
        }
        else
        {
            mod = double.CopySign(0.0, y);
        }

        return mod;
    }

    /// <summary>CPython's <c>x ** y</c> for two floats (<c>float_pow</c>), branch for branch.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="x"/> is ±0 and <paramref name="y"/> negative (CPython: ZeroDivisionError).</exception>
    /// <exception cref="OverflowException">The result overflows (CPython: OverflowError).</exception>
    /// <exception cref="ArithmeticException"><paramref name="x"/> is negative and <paramref name="y"/> not an integer (CPython returns a complex number; no caller reaches this).</exception>
    public static double Pow(double x, double y)
    {
        if (y == 0.0)
        {
            return 1.0;
        }

        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsNaN(y))
        {
            return x == 1.0 ? 1.0 : y;
        }

        if (double.IsInfinity(y))
        {
            double ax = Math.Abs(x);
            if (ax == 1.0)
            {
                return 1.0;
            }

            return (y > 0.0) == (ax > 1.0) ? double.PositiveInfinity : 0.0;
        }

        if (double.IsInfinity(x))
        {
            bool yOdd = IsOddInteger(y);
            return y > 0.0 ? (yOdd ? x : Math.Abs(x)) : (yOdd ? double.CopySign(0.0, x) : 0.0);
        }

        if (x == 0.0)
        {
            if (y < 0.0)
            {
                throw new DivideByZeroException($"0.0 cannot be raised to a negative power ({y:R}) (CPython raises ZeroDivisionError).");
            }

            return IsOddInteger(y) ? x : 0.0;
        }

        bool negate = false;
        if (x < 0.0)
        {
            if (y != Math.Floor(y))
            {
                throw new ArithmeticException($"{x:R} ** {y:R} is complex (CPython returns a complex number).");
            }

            x = -x;
            negate = IsOddInteger(y);
        }

        if (x == 1.0)
        {
            return negate ? -1.0 : 1.0;
        }

        // x and y are finite, y is non-zero and x positive and not 1: only here does CPython call pow().
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r))
        {
            throw new OverflowException($"Numerical result out of range: {(negate ? -x : x):R} ** {y:R} overflows (CPython raises OverflowError).");
        }

        return negate ? -r : r;
    }

    // CPython's DOUBLE_IS_ODD_INTEGER.
    private static bool IsOddInteger(double y) => Math.Abs(y) % 2.0 == 1.0;
}
