using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// A function of one double that a bulk path applies four lanes at a time through the glibc transcriptions, and per
/// value through <see cref="Math"/> where a lane falls outside their domain (<see cref="GlibcVectorMath.MapInPlace"/>).
/// Both forms must give the same bits wherever the vector form claims its lane.
/// </summary>
internal interface ILaneFunction
{
    /// <summary>The function per lane; <paramref name="exact"/> is all ones in the lanes that hold its bits.</summary>
    Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact);

    /// <summary>The function of one value, as the scalar path computes it.</summary>
    double Apply(double x);
}
