using System.Runtime.Intrinsics;

namespace OneSeed.Tests.Infrastructure;

/// <summary>Inputs four at a time for the Vector256 functions, the last group padded with the last input.</summary>
internal static class LaneGroups
{
    public static IEnumerable<Vector256<double>> OfFour(IReadOnlyList<double> inputs)
    {
        for (int start = 0; start < inputs.Count; start += 4)
        {
            yield return Vector256.Create(
                inputs[start],
                inputs[Math.Min(start + 1, inputs.Count - 1)],
                inputs[Math.Min(start + 2, inputs.Count - 1)],
                inputs[Math.Min(start + 3, inputs.Count - 1)]);
        }
    }
}
