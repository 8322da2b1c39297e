using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <content>CPython's <c>random.Random.choices</c>: selection with replacement, uniform or weighted.</content>
public sealed partial class PythonRandom
{
    /// <summary>
    /// <paramref name="k"/> elements of <paramref name="population"/> chosen with replacement, as
    /// <c>choices(population, weights, cum_weights=cumWeights, k=k)</c>: without weights <c>population[floor(random() * n)]</c>;
    /// with relative <paramref name="weights"/> their running sums (<c>itertools.accumulate</c>, left to right) or the
    /// given <paramref name="cumWeights"/>, and <c>bisect_right(cum_weights, random() * total, 0, n - 1)</c> per element,
    /// total being the last cumulative weight. One <c>random()</c> per element.
    /// </summary>
    /// <remarks>
    /// As in CPython, only the total is checked: negative weights are allowed while the total stays positive, and a NaN
    /// inside explicit cumulative weights is bisected over as given. A negative <paramref name="k"/> returns an empty
    /// array, as CPython's <c>_repeat(None, k)</c> does (after the weight checks). Weights are doubles: Python integer
    /// weights give the same choices as long as their running sums are below 2^53 (exact in both).
    /// Exact arithmetic only: the same on every platform.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Both <paramref name="weights"/> and <paramref name="cumWeights"/> are given (CPython: TypeError); their length is
    /// not the population's (ValueError); their total is not greater than zero or not finite (ValueError); the
    /// population is empty while there are weights or <paramref name="k"/> &gt; 0 (CPython: IndexError, after one draw
    /// when there are no weights; here before any draw).
    /// </exception>
    public T[] Choices<T>(IReadOnlyList<T> population, IReadOnlyList<double>? weights = null, IReadOnlyList<double>? cumWeights = null, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(population);
        double[]? cum = CPythonChoices.CumulativeWeights(population, weights, cumWeights, k);
        if (k <= 0)
        {
            return [];
        }

        var result = new T[k];
        var source = new VirtualSource(_engine);
        if (cum is null)
        {
            double n = population.Count;
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = population[CPythonChoices.UniformIndex(ref source, n)];
            }
        }
        else
        {
            double total = cum[^1] + 0.0;
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = population[CPythonChoices.WeightedIndex(ref source, cum, total)];
            }
        }

        return result;
    }
}
