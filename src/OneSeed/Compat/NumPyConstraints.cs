namespace OneSeed.Compat;

/// <summary>
/// NumPy's checks of distribution parameters (<c>check_constraint</c> in <c>numpy/random/_common.pyx</c>), shared by
/// <see cref="NumPyGenerator"/> and <see cref="NumPyRandomState"/>: the same conditions, NaN included, so that what
/// NumPy refuses is refused here, and what it lets through (NaN where its test is false for NaN) goes through.
/// </summary>
/// <remarks>Each throws an <see cref="ArgumentOutOfRangeException"/> naming the parameter, its value and what is allowed.</remarks>
internal static class NumPyConstraints
{
    /// <summary>NumPy's <c>POISSON_LAM_MAX</c> (and, for int64 <c>long</c>, <c>LEGACY_POISSON_LAM_MAX</c>): int64's maximum less ten standard deviations.</summary>
    public static readonly double PoissonLamMax = (double)long.MaxValue - (Math.Sqrt(long.MaxValue) * 10);

    /// <summary><c>CONS_NON_NEGATIVE</c>: refuses a set sign bit (−0.0 too) but lets NaN through.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!double.IsNaN(value) && double.IsNegative(value))
        {
            throw Refused(value, name, $"{name} < 0", "must be non-negative");
        }
    }

    /// <summary><c>CONS_POSITIVE</c>: refuses values ≤ 0 (NaN goes through).</summary>
    public static void Positive(double value, string name)
    {
        if (value <= 0)
        {
            throw Refused(value, name, $"{name} <= 0", "must be positive");
        }
    }

    /// <summary><c>CONS_POSITIVE_NOT_NAN</c>: refuses NaN and values ≤ 0.</summary>
    public static void PositiveNotNaN(double value, string name)
    {
        if (double.IsNaN(value))
        {
            throw Refused(value, name, $"{name} must not be NaN", "must be positive");
        }

        Positive(value, name);
    }

    /// <summary><c>CONS_BOUNDED_0_1</c>: requires 0 ≤ value ≤ 1.</summary>
    public static void Bounded0To1(double value, string name)
    {
        if (!(value >= 0) || !(value <= 1))
        {
            throw Refused(value, name, $"{name} < 0, {name} > 1 or {name} is NaN", "must be in [0, 1]");
        }
    }

    /// <summary><c>CONS_BOUNDED_GT_0_1</c>: requires 0 &lt; value ≤ 1.</summary>
    public static void BoundedAbove0To1(double value, string name)
    {
        if (!(value > 0) || !(value <= 1))
        {
            throw Refused(value, name, $"{name} <= 0, {name} > 1 or {name} contains NaNs", "must be in (0, 1]");
        }
    }

    /// <summary><c>CONS_BOUNDED_LT_0_1</c>: requires 0 ≤ value &lt; 1.</summary>
    public static void Bounded0ToBelow1(double value, string name)
    {
        if (!(value >= 0) || !(value < 1))
        {
            throw Refused(value, name, $"{name} < 0, {name} >= 1 or {name} is NaN", "must be in [0, 1)");
        }
    }

    /// <summary><c>CONS_GT_1</c>: requires value &gt; 1.</summary>
    public static void GreaterThan1(double value, string name)
    {
        if (!(value > 1))
        {
            throw Refused(value, name, $"{name} <= 1 or {name} is NaN", "must be greater than 1");
        }
    }

    /// <summary><c>CONS_GTE_1</c>: requires value ≥ 1.</summary>
    public static void AtLeast1(double value, string name)
    {
        if (!(value >= 1))
        {
            throw Refused(value, name, $"{name} < 1 or {name} is NaN", "must be at least 1");
        }
    }

    /// <summary><c>CONS_POISSON</c>: requires 0 ≤ λ ≤ <see cref="PoissonLamMax"/>.</summary>
    public static void Poisson(double lam, string name)
    {
        if (!(lam >= 0))
        {
            throw Refused(lam, name, $"{name} < 0 or {name} is NaN", $"must be in [0, {PoissonLamMax:R}]");
        }

        if (!(lam <= PoissonLamMax))
        {
            throw Refused(lam, name, $"{name} value too large", $"must be in [0, {PoissonLamMax:R}]");
        }
    }

    /// <summary><c>binomial</c>'s checks, in NumPy's order: 0 ≤ p ≤ 1, then n ≥ 0.</summary>
    public static void Binomial(long n, double p)
    {
        Bounded0To1(p, nameof(p));
        NonNegative(n, nameof(n));
    }

    /// <summary><c>triangular</c>'s checks: left ≤ mode ≤ right and left ≠ right.</summary>
    public static void Triangular(double left, double mode, double right)
    {
        if (left > mode)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"left > mode (left = {left:R}, mode = {mode:R}): the mode must lie in [left, right].");
        }

        if (mode > right)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode > right (mode = {mode:R}, right = {right:R}): the mode must lie in [left, right].");
        }

        if (left == right)
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, $"left == right (= {left:R}): the interval must not be empty.");
        }
    }

    /// <summary>A refusal in NumPy's words, with the value and what is allowed.</summary>
    public static ArgumentOutOfRangeException Refused(double value, string name, string numpyMessage, string allowed) =>
        new(name, value, $"{numpyMessage} ({name} = {value:R}): {name} {allowed}.");
}
